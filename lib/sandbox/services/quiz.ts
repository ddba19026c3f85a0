/**
 * Quizzes (Kaltura's quiz plugin), as its server (the version whose errors the 19.4 description
 * documents) checks and scores them:
 *
 * - a quiz user entry (`KalturaQuizUserEntry`, `userEntry.add`) is of an entry that is a quiz
 *   (`quiz.add` made its KalturaQuiz; else PROVIDED_ENTRY_IS_NOT_A_QUIZ), of type `quiz.QUIZ`; a
 *   user with a quiz user entry of the entry that is not submitted gets
 *   QUIZ_USER_ENTRY_ALREADY_EXISTS (sessions without a user, anonymous, are not limited);
 * - an answer (`KalturaAnswerCuePoint`, `cuePoint.add`) is of a quiz entry, names its question
 *   (`parentId`: PARENT_ID_IS_MISSING, PARENT_CUE_POINT_NOT_FOUND, WRONG_PARENT_TYPE,
 *   PARENT_CUE_POINT_DO_NOT_BELONG_TO_THE_SAME_ENTRY) and its quiz user entry (`quizUserEntryId`:
 *   USER_ENTRY_NOT_FOUND, USER_ENTRY_DOES_NOT_MATCH_ENTRY_ID; a USER session answers only in its
 *   own, INVALID_USER_ID, and not after it was submitted, USER_ENTRY_QUIZ_ALREADY_SUBMITTED), one per
 *   question (ANSWER_ALREADY_EXISTS); it is changed with `cuePoint.update` when the quiz allows it
 *   (`allowAnswerUpdate`, else ANSWER_UPDATE_IS_NOT_ALLOWED; an ADMIN session always may). It
 *   carries its correction (`isCorrect`, `correctAnswerKeys`, `explanation`), shown to a viewer
 *   as the quiz says (`showResultOnAnswer`, `showCorrectKeyOnAnswer`, after submission
 *   `showCorrectAfterSubmission`; an ADMIN session or an editor of the entry sees it all);
 * - `userEntry.submitQuiz` scores it: for each question of the entry, the weights of its correct
 *   optional answers make the total, those of them the user's answer picked the user's points;
 *   `score` = points / total (0 without questions), status QUIZ_SUBMITTED (`quiz.3`); a second
 *   submit is USER_ENTRY_QUIZ_ALREADY_SUBMITTED. The score is answered to an ADMIN session, or when
 *   the quiz shows grades after submission (`showGradeAfterSubmission`), and left out otherwise.
 *
 * Not simulated (SANDBOX_ACTION_NOT_SIMULATED naming it): a second attempt after a submission.
 * Kaltura 19's quizzes have `attemptsAllowed`, a `version` per attempt and a `calculatedScore`
 * over attempts by `scoreType`, whose rules the sandbox cannot check; with one attempt,
 * `calculatedScore` is the score.
 */
import { KalturaApiError } from '../errors';
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import { canEdit, isAdmin } from './access';
import { rows } from './categories';
import type { ObjectRow } from '../store';

const QUIZ_TYPE = 'quiz.QUIZ';
const SUBMITTED = 'quiz.3';
const TRUE_VALUE = 1;

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export function quizExtensions(): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  /** The quiz user entries of a user for an entry (any status but deleted). */
  const userEntriesOf = async (g: Gen, entryId: string, userId: string): Promise<ObjectRow[]> => {
    const m = g.engine.modelOfClass('KalturaQuizUserEntry');
    if (!m) return [];
    return rows(g.ctx.core, m, g.ctx.session!.partnerId, [
      { field: 'objectType', op: 'eq', value: 'KalturaQuizUserEntry' },
      { field: 'entryId', op: 'eq', value: entryId },
      { field: 'userId', op: 'eq', value: userId },
    ]);
  };

  /** The entry's questions. */
  const questionsOf = async (g: Gen, entryId: string): Promise<Data[]> => {
    const m = g.engine.modelOfClass('KalturaQuestionCuePoint');
    if (!m) return [];
    const found = await rows(g.ctx.core, m, g.ctx.session!.partnerId, [
      { field: 'objectType', op: 'eq', value: 'KalturaQuestionCuePoint' },
      { field: 'entryId', op: 'eq', value: entryId },
    ]);
    return found.map((r) => ({ ...g.engine.dataOf(r), id: r.id }));
  };

  const quizOf = (g: Gen, entryId: string) => g.engine.liveObject(g.ctx, 'KalturaQuiz', entryId);

  const hooks: Record<string, ClassHooks> = {
    KalturaQuizUserEntry: {
      async beforeAdd(g, d) {
        const entryId = str(d.entryId);
        if (!(await quizOf(g, entryId))) throw g.engine.error(g.op, 'PROVIDED_ENTRY_IS_NOT_A_QUIZ', { ENTRY_ID: entryId.slice(0, 50) });
        d.type = QUIZ_TYPE;
        // (the user a USER session adds for is its own; an ADMIN one names it, or adds for itself)
        const userId = str(d.userId) || (g.ctx.session?.userId ?? '');
        if (!userId) return;
        const mine = await userEntriesOf(g, entryId, userId);
        if (mine.some((r) => g.engine.dataOf(r).status !== SUBMITTED))
          throw g.engine.error(g.op, 'QUIZ_USER_ENTRY_ALREADY_EXISTS', { ENTRY_ID: entryId });
        if (mine.length > 0)
          throw new KalturaApiError('SANDBOX_ACTION_NOT_SIMULATED', {
            SERVICE_NAME: g.op.service,
            ACTION_NAME: `${g.op.action} (a second attempt at a submitted quiz: attempts, versions and calculatedScore)`,
          });
      },
    },
    KalturaAnswerCuePoint: {
      async beforeAdd(g, d) {
        const entryId = str(d.entryId);
        const quiz = await quizOf(g, entryId);
        if (!quiz) throw g.engine.error(g.op, 'PROVIDED_ENTRY_IS_NOT_A_QUIZ', { ENTRY_ID: entryId.slice(0, 50) });
        const parentId = str(d.parentId);
        if (!parentId) throw g.engine.error(g.op, 'PARENT_ID_IS_MISSING');
        const parent = await g.engine.liveObject(g.ctx, 'KalturaCuePoint', parentId);
        if (!parent) throw g.engine.error(g.op, 'PARENT_CUE_POINT_NOT_FOUND', { ID: parentId.slice(0, 50) });
        if (parent.object_type !== 'KalturaQuestionCuePoint') throw g.engine.error(g.op, 'WRONG_PARENT_TYPE', { ENTRY_ID: parentId });
        const question = g.engine.dataOf(parent);
        if (str(question.entryId) !== entryId) throw g.engine.error(g.op, 'PARENT_CUE_POINT_DO_NOT_BELONG_TO_THE_SAME_ENTRY');
        const u = await answerUserEntry(g, d);
        // one answer per question in a user entry (a session without a user, anonymous, is not limited)
        if (g.ctx.session?.userId && str(parentId) in ((u.data.__answerIds as Record<string, string> | undefined) ?? {}))
          throw g.engine.error(g.op, 'ANSWER_ALREADY_EXISTS', { PARENT_ID: parentId, USER_ENTRY: u.row.id });
        Object.assign(d, correction(question, d.answerKey));
      },
      // the user entry keeps its answer to each question, as Kaltura's does
      async afterAdd(g, d, row) {
        const ue = await g.engine.liveObject(g.ctx, 'KalturaQuizUserEntry', str(d.quizUserEntryId));
        if (!ue) return;
        const u = g.engine.dataOf(ue);
        const answers = { ...((u.__answerIds as Record<string, string> | undefined) ?? {}), [str(d.parentId)]: row.id };
        await g.engine.ctxStore().updateObject(ue.kind, ue.id, { data: JSON.stringify({ ...u, __answerIds: answers }) });
      },
      async beforeUpdate(g, current, patch) {
        const entryId = str(current.entryId);
        const quiz = await quizOf(g, entryId);
        if (!quiz) throw g.engine.error(g.op, 'PROVIDED_ENTRY_IS_NOT_A_QUIZ', { ENTRY_ID: entryId.slice(0, 50) });
        await answerUserEntry(g, current);
        if (!isAdmin(g.ctx) && Number(g.engine.dataOf(quiz).allowAnswerUpdate) !== TRUE_VALUE)
          throw g.engine.error(g.op, 'ANSWER_UPDATE_IS_NOT_ALLOWED', { ENTRY_ID: entryId });
        if ('answerKey' in patch) {
          const parent = await g.engine.liveObject(g.ctx, 'KalturaQuestionCuePoint', str(current.parentId));
          if (parent) Object.assign(patch, correction(g.engine.dataOf(parent), patch.answerKey));
        }
      },
      // what a viewer is shown of the correction, by the quiz's settings (an editor of the entry sees it all)
      async present(ctx, engine, d) {
        if (isAdmin(ctx)) return;
        const entryId = str(d.entryId);
        const entry = (await ctx.core.store.getEntry(entryId)) ?? undefined;
        if (entry && canEdit(ctx, entry, entryId)) return;
        const quiz = await engine.liveObject(ctx, 'KalturaQuiz', entryId);
        const q = quiz ? engine.dataOf(quiz) : {};
        const ue = await engine.liveObject(ctx, 'KalturaQuizUserEntry', str(d.quizUserEntryId));
        const submitted = !!ue && engine.dataOf(ue).status === SUBMITTED;
        const shown = (flag: unknown) => Number(flag) === TRUE_VALUE;
        if (submitted ? !shown(q.showCorrectAfterSubmission) : !shown(q.showResultOnAnswer)) delete d.isCorrect;
        if (submitted ? !shown(q.showCorrectAfterSubmission) : !shown(q.showCorrectKeyOnAnswer)) {
          delete d.correctAnswerKeys;
          delete d.explanation;
        }
      },
    },
  };

  /**
   * The quiz user entry an answer names: there, of the answer's entry; a USER session's own and
   * not yet submitted (an ADMIN session answers in anyone's, submitted or not).
   */
  const answerUserEntry = async (g: Gen, d: Data): Promise<{ row: ObjectRow; data: Data }> => {
    const ueId = str(d.quizUserEntryId);
    const row = await g.engine.liveObject(g.ctx, 'KalturaQuizUserEntry', ueId);
    if (!row || row.object_type !== 'KalturaQuizUserEntry')
      throw g.engine.error(g.op, 'USER_ENTRY_NOT_FOUND', { USER_ENTRY_ID: ueId.slice(0, 50) });
    const data = g.engine.dataOf(row);
    if (str(data.entryId) !== str(d.entryId)) throw g.engine.error(g.op, 'USER_ENTRY_DOES_NOT_MATCH_ENTRY_ID', { USER_ENTRY_ID: ueId });
    if (!isAdmin(g.ctx)) {
      if (data.status === SUBMITTED) throw g.engine.error(g.op, 'USER_ENTRY_QUIZ_ALREADY_SUBMITTED');
      if (str(data.userId) !== (g.ctx.session?.userId ?? '')) throw new KalturaApiError('INVALID_USER_ID');
    }
    return { row, data };
  };

  const overrides: Record<string, Override> = {
    'userentry.submitquiz': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'id', props: [] }, true);
      const ue = g.engine.dataOf(row);
      if (row.object_type !== 'KalturaQuizUserEntry') throw g.engine.error(g.op, 'PROVIDED_ENTRY_IS_NOT_A_QUIZ', { ENTRY_ID: row.id });
      if (ue.status === SUBMITTED) throw g.engine.error(g.op, 'USER_ENTRY_QUIZ_ALREADY_SUBMITTED');
      const entryId = str(ue.entryId);
      const quiz = await quizOf(g, entryId);
      if (!quiz) throw g.engine.error(g.op, 'PROVIDED_ENTRY_IS_NOT_A_QUIZ', { ENTRY_ID: entryId });
      const answers = new Map<string, string>();
      for (const [questionId, answerId] of Object.entries((ue.__answerIds as Record<string, string> | undefined) ?? {})) {
        const a = await g.engine.liveObject(g.ctx, 'KalturaAnswerCuePoint', answerId);
        if (a) answers.set(questionId, str(g.engine.dataOf(a).answerKey));
      }
      const score = scoreOf(await questionsOf(g, entryId), answers);
      const saved = await g.engine.patch(g, row, { status: SUBMITTED, score, calculatedScore: score });
      const out = await g.engine.present(g.ctx, g.model, saved);
      if (!isAdmin(g.ctx) && Number(g.engine.dataOf(quiz).showGradeAfterSubmission) !== TRUE_VALUE) {
        delete out.score;
        delete out.calculatedScore;
      }
      return out;
    },
  };
  return { hooks, overrides };
}

/**
 * Kaltura's score: per question, the weights of its correct optional answers (1 unless given) are
 * the total, those the user's answer picked (`picked`: question id to answer key) the user's
 * points; points / total, 0 without a correct answer to score.
 */
export function scoreOf(questions: Data[], picked: ReadonlyMap<string, string>): number {
  let total = 0;
  let points = 0;
  for (const q of questions) {
    const options = Array.isArray(q.optionalAnswers) ? (q.optionalAnswers as Data[]) : [];
    for (const o of options) {
      if (Number(o.isCorrect) !== TRUE_VALUE) continue;
      const weight = typeof o.weight === 'number' && Number.isFinite(o.weight) ? o.weight : 1;
      total += weight;
      if (picked.get(str(q.id)) === str(o.key)) points += weight;
    }
  }
  return total > 0 ? points / total : 0;
}

/** An answer's correction from its question: whether its key is a correct one, the correct keys, the explanation. */
function correction(question: Data, answerKey: unknown): Data {
  const options = Array.isArray(question.optionalAnswers) ? (question.optionalAnswers as Data[]) : [];
  const correct = options.filter((o) => Number(o.isCorrect) === TRUE_VALUE).map((o) => str(o.key));
  return {
    isCorrect: correct.includes(str(answerKey)) ? TRUE_VALUE : 0,
    correctAnswerKeys: correct.map((value) => ({ objectType: 'KalturaString', value })),
    ...(typeof question.explanation === 'string' ? { explanation: question.explanation } : {}),
  };
}
