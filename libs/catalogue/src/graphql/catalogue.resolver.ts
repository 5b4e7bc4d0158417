import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, type Actor, CurrentActor } from '@upops/identity';
import { CatalogueService } from '../application/catalogue.service';
import { CatalogueError, CatalogueErrorCode } from '../domain/catalogue.errors';
import { type EmissionFactorValue, isConfidence, isVector } from '../domain/catalogue.types';
import { diffEditions } from '../domain/edition-diff';
import { buildEditionTree, compareCodes } from '../domain/edition-tree';
import { teqOf } from '../domain/teq';
import { shippedCatalogue } from '../shipped-data';
import { toDiff, toEdition, toFactor, toTree } from './catalogue.mapper';
import {
  CongenerConcentrationInput,
  EditionDiffType,
  EditionTreeType,
  EditionType,
  SetEmissionFactorInput,
  SourceClassType,
  TefSchemeType,
  TeqResultType,
  WithdrawEmissionFactorInput,
} from './catalogue.types';

const EDITORS = ['toolkit_expert', 'secretariat_officer'] as const;

/** Thin adapter over the catalogue: published editions are public, drafts are the experts'. */
@Resolver()
export class CatalogueResolver {
  private readonly schemes = shippedCatalogue().tefSchemes;

  constructor(@Inject(CatalogueService) private readonly catalogue: CatalogueService) {}

  @Query(() => [EditionType], { description: 'Catalogue editions; drafts only for Toolkit experts and the Secretariat.' })
  @Access.public()
  async editions(@CurrentActor() actor?: Actor): Promise<EditionType[]> {
    const state = await this.catalogue.current();
    return Object.values(state.editions)
      .filter((e) => e.edition.status === 'published' || canSeeDrafts(actor))
      .map((e) => toEdition(e.edition))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  @Query(() => EditionTreeType, { description: 'An edition as source groups > categories > classes with their factors.' })
  @Access.public()
  async editionTree(@Args('editionId') editionId: string, @CurrentActor() actor?: Actor): Promise<EditionTreeType> {
    return toTree(buildEditionTree(await this.visibleEdition(editionId, actor)));
  }

  @Query(() => SourceClassType, { nullable: true, description: 'One class of an edition by its code (e.g. 1a1).' })
  @Access.public()
  async sourceClass(@Args('editionId') editionId: string, @Args('code') code: string, @CurrentActor() actor?: Actor): Promise<SourceClassType | null> {
    const edition = await this.visibleEdition(editionId, actor);
    const found = edition.classes[code];
    if (!found) return null;
    const factors = Object.values(edition.factors).filter((f) => f.classCode === code).map(toFactor);
    return { ...found, factors };
  }

  @Query(() => [SourceClassType], { description: 'Classes whose code, name or category matches the text.' })
  @Access.public()
  async searchClasses(@Args('editionId') editionId: string, @Args('text') text: string, @CurrentActor() actor?: Actor): Promise<SourceClassType[]> {
    const edition = await this.visibleEdition(editionId, actor);
    const needle = text.trim().toLowerCase();
    return Object.values(edition.classes)
      .filter((c) => `${c.code} ${c.name} ${edition.categories[c.categoryCode]?.name ?? ''}`.toLowerCase().includes(needle))
      .sort((a, b) => compareCodes(a.code, b.code))
      .slice(0, 50)
      .map((c) => ({ ...c, factors: Object.values(edition.factors).filter((f) => f.classCode === c.code).map(toFactor) }));
  }

  @Query(() => EditionDiffType, { description: 'Classes and factors added, removed and changed from one edition to another.' })
  @Access.public()
  async editionDiff(@Args('from') from: string, @Args('to') to: string, @CurrentActor() actor?: Actor): Promise<EditionDiffType> {
    return toDiff(diffEditions(await this.visibleEdition(from, actor, 'from'), await this.visibleEdition(to, actor, 'to')));
  }

  @Query(() => [TefSchemeType], { description: 'TEF schemes with their congener factors and confidence.' })
  @Access.public()
  tefSchemes(): TefSchemeType[] {
    return this.schemes.map((s) => ({ id: s.id, confidence: s.confidence, factors: s.factors.map((f) => ({ congener: f.congener, tef: f.tef, confidence: f.confidence })) }));
  }

  @Query(() => TeqResultType, { description: 'TEQ of a congener profile under a scheme: the sum of concentration x TEF.' })
  @Access.public()
  teqOfProfile(@Args('scheme') schemeId: string, @Args('profile', { type: () => [CongenerConcentrationInput] }) profile: CongenerConcentrationInput[]): TeqResultType {
    const scheme = this.schemes.find((s) => s.id === schemeId);
    if (!scheme) throw new CatalogueError(CatalogueErrorCode.INVALID_INPUT, 'scheme', `unknown TEF scheme ${schemeId}`);
    const result = teqOf(Object.fromEntries(profile.map((p) => [p.congener, p.concentration])), scheme);
    if (!result.ok) {
      const detail = result.error.code === 'CONGENER_UNKNOWN' ? `${schemeId} has no TEF for ${result.error.congeners.join(', ')}` : `concentration of ${result.error.congener} must be a number >= 0`;
      throw new CatalogueError(CatalogueErrorCode.INVALID_INPUT, 'profile', detail);
    }
    return { scheme: result.scheme, teq: result.teq, confidence: result.confidence };
  }

  @Mutation(() => EditionType, { description: 'Starts a draft edition as a copy of a published one.' })
  @Access.roles(...EDITORS)
  async draftEdition(@CurrentActor() actor: Actor, @Args('editionId') editionId: string, @Args('title') title: string, @Args('derivedFrom') derivedFrom: string): Promise<EditionType> {
    await this.catalogue.execute({ type: 'DraftEdition', editionId, title, derivedFrom }, actor);
    return this.editionView(editionId);
  }

  @Mutation(() => EditionType, { description: 'Sets (or replaces) one factor of a draft edition, with reason and reference.' })
  @Access.roles(...EDITORS)
  async setEmissionFactor(@CurrentActor() actor: Actor, @Args('input') input: SetEmissionFactorInput): Promise<EditionType> {
    const edition = await this.catalogue.edition(input.editionId);
    const sourceClass = edition?.classes[input.classCode];
    if (!isVector(input.vector)) throw new CatalogueError(CatalogueErrorCode.INVALID_FACTOR, 'vector', `"${input.vector}" is not a vector`);
    if (!isConfidence(input.confidence)) throw new CatalogueError(CatalogueErrorCode.INVALID_INPUT, 'confidence', 'use verified, inferred or unverified');
    const existing = edition?.factors[`${input.classCode}|${input.substance}|${input.vector}`];
    await this.catalogue.execute(
      {
        type: 'SetEmissionFactor',
        editionId: input.editionId,
        reason: input.reason,
        factor: {
          classCode: input.classCode,
          substance: input.substance,
          vector: input.vector,
          value: factorValue(input),
          unit: input.unit,
          activityUnit: sourceClass?.activityUnit ?? '',
          confidence: input.confidence,
          reference: input.reference,
          note: input.note ?? '',
          substanceLabel: existing?.substanceLabel ?? input.substance,
          confidenceNote: '',
          toolkitEdition: existing?.toolkitEdition ?? input.editionId,
        },
      },
      actor,
    );
    return this.editionView(input.editionId);
  }

  @Mutation(() => EditionType, { description: 'Withdraws one factor of a draft edition, with reason and reference.' })
  @Access.roles(...EDITORS)
  async withdrawEmissionFactor(@CurrentActor() actor: Actor, @Args('input') input: WithdrawEmissionFactorInput): Promise<EditionType> {
    if (!isVector(input.vector)) throw new CatalogueError(CatalogueErrorCode.INVALID_FACTOR, 'vector', `"${input.vector}" is not a vector`);
    await this.catalogue.execute({ type: 'WithdrawEmissionFactor', ...input, vector: input.vector }, actor);
    return this.editionView(input.editionId);
  }

  @Mutation(() => EditionType, { description: 'Publishes a draft edition; from then on it cannot change.' })
  @Access.roles(...EDITORS)
  async publishEdition(@CurrentActor() actor: Actor, @Args('editionId') editionId: string): Promise<EditionType> {
    await this.catalogue.execute({ type: 'PublishEdition', editionId }, actor);
    return this.editionView(editionId);
  }

  private async editionView(editionId: string): Promise<EditionType> {
    const edition = await this.catalogue.edition(editionId);
    if (!edition) throw new CatalogueError(CatalogueErrorCode.EDITION_NOT_FOUND, 'editionId', `no edition ${editionId}`);
    return toEdition(edition.edition);
  }

  private async visibleEdition(editionId: string, actor: Actor | undefined, field = 'editionId') {
    const edition = await this.catalogue.edition(editionId);
    if (!edition || (edition.edition.status === 'draft' && !canSeeDrafts(actor))) {
      throw new CatalogueError(CatalogueErrorCode.EDITION_NOT_FOUND, field, `no edition ${editionId}`);
    }
    return edition;
  }
}

function canSeeDrafts(actor: Actor | undefined): boolean {
  return !!actor && actor.roles.some((role) => (EDITORS as readonly string[]).includes(role));
}

function factorValue(input: SetEmissionFactorInput): EmissionFactorValue {
  switch (input.kind) {
    case 'value':
      if (input.value === undefined || input.value === null) throw new CatalogueError(CatalogueErrorCode.INVALID_FACTOR, 'value', 'a value factor needs its number');
      return { kind: 'value', value: input.value };
    case 'range':
      if (input.low == null || input.high == null) throw new CatalogueError(CatalogueErrorCode.INVALID_FACTOR, 'low', 'a range needs low and high');
      return { kind: 'range', low: input.low, high: input.high };
    case 'NA':
    case 'ND':
      return { kind: input.kind };
    default:
      throw new CatalogueError(CatalogueErrorCode.INVALID_FACTOR, 'kind', 'kind is value, range, NA or ND');
  }
}
