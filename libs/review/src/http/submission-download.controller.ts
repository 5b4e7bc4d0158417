import { Controller, Get, Headers, HttpException, Inject, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { IdentityService, signedInActor } from '@upops/identity';
import { ReviewQueries } from '../application/review-queries';
import { canonicalJson } from '../domain/canonical-json';
import { ReviewError, ReviewErrorCode } from '../domain/review.errors';

/**
 * A frozen submission as a file (Authorization: Bearer <access token>): the snapshot's canonical
 * JSON byte for byte, so `sha256sum` of the download equals the receipt's hash — a Secretariat
 * officer or a Party can verify an archived copy offline. The same checks as `submission` apply.
 */
@Controller('submissions')
export class SubmissionDownloadController {
  constructor(
    @Inject(ReviewQueries) private readonly queries: ReviewQueries,
    @Inject(IdentityService) private readonly identity: IdentityService,
  ) {}

  @Get(':submissionId.json')
  async json(@Param('submissionId') submissionId: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const actor = signedInActor(this.identity, authorization);
    try {
      const { receipt, snapshot } = await this.queries.submission(actor, submissionId);
      res.setHeader('content-type', 'application/json; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="submission-${receipt.submissionId.replace(/[^A-Za-z0-9._-]/g, '_')}.json"`);
      res.setHeader('x-content-sha256', receipt.contentHash);
      res.setHeader('x-superseded-by', receipt.supersededBy ?? '');
      res.send(canonicalJson(snapshot));
    } catch (error) {
      if (!(error instanceof ReviewError)) throw error;
      const status = error.code === ReviewErrorCode.SUBMISSION_NOT_FOUND ? 404 : error.code === ReviewErrorCode.FORBIDDEN ? 403 : 400;
      throw new HttpException({ code: error.code, message: error.message }, status);
    }
  }
}
