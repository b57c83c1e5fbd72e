import { excerpt } from '../../../shared/domain/minutes';
import { AppError } from '../../../shared/errors';
import type { RegisterDocument, RegisterExport, RegisterRow } from '../../../shared/contract/register';
import { REGISTER_DOCUMENT_LABEL } from '../../../shared/contract/register';
import type { SerializedDoc } from '../../../shared/editor/doc-model';
import { forbiddenPassages, type ForbiddenPassage } from '../../../shared/redaction/forbidden';
import { publicMemberList, publicRegister } from '../../../shared/register/public-models';
import { ExampleMarksRepo } from '../repositories/trash-repo';
import { FlagsRepo } from '../repositories/flags-repo';
import { RegisterRepo } from '../repositories/register-repo';
import type { ServiceContext } from './context';
import { flaggedElsewhere, unreadableTrash } from './flagged-elsewhere';
import type { MembersService } from './members-service';
import { refuseWhileHeld } from './publication-hold';

/**
 * The register of meetings and the two public lists it exports. Both lists are public documents: built from their
 * public models only, then the produced file goes through the redaction check against every flagged passage of every
 * meeting (a title or a name that someone flagged somewhere stops the export, fail-closed, and says where).
 */
export class RegisterService {
  private readonly repo: RegisterRepo;
  constructor(
    private readonly ctx: ServiceContext,
    private readonly members: MembersService,
  ) {
    this.repo = new RegisterRepo(ctx.db);
  }

  list(): RegisterRow[] {
    return this.repo.rows().map((r) => ({ ...r, example: r.example === 1 }));
  }

  async export(document: RegisterDocument): Promise<RegisterExport> {
    refuseWhileHeld(this.ctx.db, REGISTER_DOCUMENT_LABEL[document].toLowerCase());
    // docx, the builders and the check load with the first export, not at start-up (issue 16; scripts/build.mjs).
    const { buildMemberList, buildPublicRegister, checkPublicDocx, describeFindings } = await import('../export/documents');
    const asOf = this.ctx.now().toISOString().slice(0, 10);
    const bodyName = this.members.body().name;
    const { bytes, passages } = this.ctx.db.transaction(() => {
      const passages = this.flaggedPassages();
      if (document === 'public_register') return { bytes: buildPublicRegister(bodyName, publicRegister(this.list()), asOf), passages };
      const exampleIds = new Set(new ExampleMarksRepo(this.ctx.db).list('organisations'));
      return { bytes: buildMemberList(bodyName, publicMemberList(this.members.list(), exampleIds), asOf), passages };
    })();
    const file = await bytes;
    const result = checkPublicDocx(file, { passages });
    if (!result.ok)
      throw new AppError(
        'leak_detected',
        `The ${REGISTER_DOCUMENT_LABEL[document].toLowerCase()} was not produced: ${describeFindings(result.findings, (id) => passageLabel(passages, id))}. Nothing was written.`,
        { details: { findings: result.findings } },
      );
    const fileName = `${asOf} ${REGISTER_DOCUMENT_LABEL[document]}.docx`;
    return { fileName, bytesBase64: Buffer.from(file).toString('base64'), check: { applied: true, passed: true, findings: [] } };
  }

  /**
   * What the file is checked against: every flagged passage and flagged link of every meeting, every flag that guards
   * text, and the same kept in the trash with a deleted meeting (flagged-elsewhere.ts: it can be restored). A trash
   * entry that cannot be read stops the file (fail-closed).
   */
  private flaggedPassages(): ForbiddenPassage[] {
    const now = this.ctx.now();
    if (unreadableTrash(this.ctx.db, now) > 0)
      throw new AppError(
        'storage',
        'An item kept in the trash could not be read, so the flags it holds cannot be checked. Open the Trash and restore or remove the damaged item (or restore a backup), then try again. Nothing was written.',
      );
    const sections = this.repo.allSectionContents().map((json) => {
      try {
        return JSON.parse(json) as SerializedDoc;
      } catch {
        throw new AppError('internal', 'A stored section could not be read, so its flags cannot be checked. Nothing was exported.');
      }
    });
    return forbiddenPassages(sections, [...new FlagsRepo(this.ctx.db).listGuardingText(), ...flaggedElsewhere(this.ctx.db, null, now)]);
  }
}

/** A flagged passage named by its words (cut at 60 characters), never by its record's id. */
function passageLabel(passages: ReadonlyArray<{ id: string; text: string }>, id: string): string {
  const text = passages.find((p) => p.id === id)?.text.trim();
  return text ? `the passage “${excerpt(text, 60)}” flagged in the minutes` : 'a passage flagged in the minutes';
}
