import type { Writable } from 'node:stream';
import { stream as excelStream } from 'exceljs';
import { type EditionState, compareCodes, groupWorksheetName } from '@upops/catalogue';
import { ACTIVITY_COLUMNS } from './activity-sheet';

/**
 * The empty activity template of an edition, as the Toolkit's workbook lays it out: one sheet per
 * source group listing every class with its activity unit; a team fills in activity rates (and
 * facilities, one row each) and imports the file. Rows left empty are skipped on import.
 */
export function exportActivityTemplateXlsx(edition: EditionState, stream: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    writeTemplate(edition, stream).then(() => {
      stream.off('error', reject);
      resolve();
    }, reject);
  });
}

async function writeTemplate(edition: EditionState, stream: Writable): Promise<void> {
  const workbook = new excelStream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const classes = Object.values(edition.classes).sort((a, b) => compareCodes(a.code, b.code));
  for (const group of Object.values(edition.groups).sort((a, b) => compareCodes(a.code, b.code))) {
    const inGroup = classes.filter((c) => edition.categories[c.categoryCode]?.groupCode === group.code);
    if (inGroup.length === 0) continue;
    const sheet = workbook.addWorksheet(groupWorksheetName(group), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = ACTIVITY_COLUMNS.map((header) => ({ header, width: header === 'class_name' ? 48 : 16 }));
    for (const c of inGroup) sheet.addRow([group.code, c.categoryCode, c.code, c.name, '', '', c.activityUnit, '', '', '']).commit();
    sheet.commit();
  }
  await workbook.commit();
}
