/**
 * Everything an export needs that start-up does not: the DOCX builders (docx), the file name (docx's sanitiser) and
 * the redaction check on the produced bytes (fflate, saxes). ExportService and RegisterService load this module with a
 * dynamic import (`import('../export/documents')`, that exact path) when an export starts, so none of it is compiled or run when the host starts (issue 16). scripts/build.mjs bundles
 * it as its own file, dist/electron/export-documents.cjs, required on first use.
 */
export { buildAgenda } from './build-agenda';
export { buildInternalMinutes } from './build-internal-minutes';
export { buildParticipants } from './build-participants';
export { buildPublicSummary } from './build-public-summary';
export { buildRedactionRecord } from './build-redaction-record';
export { buildMemberList, buildPublicRegister } from './build-register';
export { defaultFileName } from './file-name';
export { checkPublicDocx, describeFindings } from './redaction-check';
