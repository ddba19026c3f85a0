/**
 * Quizzes over the published description (lib/sandbox/services/quiz.ts): a quiz user entry of a
 * quiz entry, answers that name their question and user entry, and userEntry.submitQuiz scoring
 * them by the questions' weighted correct answers as Kaltura does; the errors for each bad input,
 * another user's session, a second submission, and the score a USER session is shown.
 */
import { describe, expect, it } from 'vitest';
import { buildKs, SESSION_USER } from '@/lib/sandbox/ks';
import { scoreOf } from '@/lib/sandbox/services/quiz';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const PARTNER = 4338;
const sb = publishedSandbox('quizzes (quiz.ts) over the published description', PARTNER);
const { present, call } = sb;
/** A viewer's session: it sees the partner's entries (`sview:*`), as a player's KS does. */
const viewer = (userId: string) =>
  buildKs(sb.secret, {
    partnerId: PARTNER,
    type: SESSION_USER,
    userId,
    expiry: Math.floor(Date.now() / 1000) + 3600,
    privileges: new Map([['sview', '*']]),
  });
const alice = viewer('alice');
const bob = viewer('bob');
const code = (v: Json): string => {
  expect(isError(v), JSON.stringify(v)).toBe(true);
  return v.code as string;
};

const option = (key: string, isCorrect: number, weight?: number) => ({
  objectType: 'KalturaOptionalAnswer',
  key,
  text: `answer ${key}`,
  isCorrect,
  ...(weight === undefined ? {} : { weight }),
});

describe('scoreOf', () => {
  const q = (id: string, ...optionalAnswers: Json[]) => ({ id, optionalAnswers });
  it('weighs the correct answers picked against all correct answers', () => {
    const questions = [q('a', option('1', 1), option('2', 0)), q('b', option('1', 0), option('2', 1, 3))];
    expect(scoreOf(questions, new Map([['a', '1']]))).toBe(0.25);
    expect(scoreOf(questions, new Map([['b', '2']]))).toBe(0.75);
    expect(
      scoreOf(
        questions,
        new Map([
          ['a', '1'],
          ['b', '2'],
        ]),
      ),
    ).toBe(1);
    expect(
      scoreOf(
        questions,
        new Map([
          ['a', '2'],
          ['b', '1'],
        ]),
      ),
    ).toBe(0);
    // no question with a correct answer: 0, not a division by zero
    expect(scoreOf([q('c', option('1', 0))], new Map([['c', '1']]))).toBe(0);
    expect(scoreOf([], new Map())).toBe(0);
  });
});

describe.skipIf(!present)('quizzes: answers and userEntry.submitQuiz', () => {
  const setUp = async (quiz: Json = { showGradeAfterSubmission: 1 }) => {
    const entry = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'quiz', mediaType: 1 } }), 'entry');
    ok(await call('quiz', 'add', { entryId: entry.id, quiz: { objectType: 'KalturaQuiz', ...quiz } }), 'quiz.add');
    const question = async (text: string, ...options: Json[]) =>
      ok(
        await call('cuePoint', 'add', {
          cuePoint: { objectType: 'KalturaQuestionCuePoint', entryId: entry.id, question: text, optionalAnswers: options },
        }),
        'question',
      );
    const q1 = await question('two and two?', option('1', 1), option('2', 0));
    const q2 = await question('the sky?', option('a', 0), option('b', 1, 3));
    const start = async (ks = alice) =>
      call('userEntry', 'add', { userEntry: { objectType: 'KalturaQuizUserEntry', entryId: entry.id } }, ks);
    const answer = (ue: Json, q: Json, key: string, ks = alice, entryId = entry.id) =>
      call(
        'cuePoint',
        'add',
        { cuePoint: { objectType: 'KalturaAnswerCuePoint', entryId, parentId: q.id, quizUserEntryId: String(ue.id), answerKey: key } },
        ks,
      );
    return { entry, q1, q2, start, answer };
  };

  it("scores the user's answer to each question by the weights of the correct ones; one answer per question, changed when the quiz allows", async () => {
    const { q1, q2, start, answer } = await setUp({ showGradeAfterSubmission: 1, allowAnswerUpdate: 1, showResultOnAnswer: 1 });
    const ue = ok(await start(), 'userEntry.add');
    expect(ue).toMatchObject({ objectType: 'KalturaQuizUserEntry', type: 'quiz.QUIZ', userId: 'alice', status: '1' });
    const first = ok(await answer(ue, q1, '2'), 'wrong first');
    // the quiz shows the result on answering, not the correct key
    expect(first.isCorrect).toBe(0);
    expect(first.correctAnswerKeys).toBeUndefined();
    const again = await answer(ue, q1, '1');
    expect([code(again), again.message]).toEqual([
      'ANSWER_ALREADY_EXISTS',
      `Answer for question [${q1.id}] for user entry [${ue.id}] already exists `,
    ]);
    const changed = ok(
      await call('cuePoint', 'update', { id: first.id, cuePoint: { objectType: 'KalturaAnswerCuePoint', answerKey: '1' } }, alice),
      'then right',
    );
    expect(changed.isCorrect).toBe(1);
    ok(await answer(ue, q2, 'a'), 'wrong');
    // the entry's editor (here the admin) sees the whole correction
    const seen = ok(await call('cuePoint', 'get', { id: first.id }), 'admin get');
    expect(seen).toMatchObject({ isCorrect: 1, correctAnswerKeys: [{ objectType: 'KalturaString', value: '1' }] });
    const done = ok(await call('userEntry', 'submitQuiz', { id: ue.id }, alice), 'submit');
    // q1 right (1 of 1), q2 wrong (0 of 3): 1 / 4
    expect(done).toMatchObject({ id: ue.id, status: 'quiz.3', score: 0.25, calculatedScore: 0.25 });
    expect(ok(await call('userEntry', 'get', { id: ue.id }), 'get')).toMatchObject({ status: 'quiz.3', score: 0.25 });
    // submitted: no second submission, no more answers or changes from the user
    expect(code(await call('userEntry', 'submitQuiz', { id: ue.id }, alice))).toBe('USER_ENTRY_QUIZ_ALREADY_SUBMITTED');
    expect(code(await answer(ue, q2, 'b'))).toBe('USER_ENTRY_QUIZ_ALREADY_SUBMITTED');
    expect(
      code(await call('cuePoint', 'update', { id: first.id, cuePoint: { objectType: 'KalturaAnswerCuePoint', answerKey: '2' } }, alice)),
    ).toBe('USER_ENTRY_QUIZ_ALREADY_SUBMITTED');
    // after submission the correction is hidden unless the quiz shows it then
    expect(ok(await call('cuePoint', 'get', { id: first.id }, alice), 'alice get').isCorrect).toBeUndefined();
    // the answers' ids never leak into the user entry's answer
    expect(JSON.stringify(done)).not.toContain('__answerIds');
  });

  it('a quiz that does not allow changing answers refuses it to a USER session, not to an ADMIN one', async () => {
    const { q1, start, answer } = await setUp({ allowAnswerUpdate: 0 });
    const ue = ok(await start(), 'start');
    const a = ok(await answer(ue, q1, '2'), 'answer');
    const update = (ks: string | undefined) =>
      call('cuePoint', 'update', { id: a.id, cuePoint: { objectType: 'KalturaAnswerCuePoint', answerKey: '1' } }, ks);
    expect(code(await update(alice))).toBe('ANSWER_UPDATE_IS_NOT_ALLOWED');
    expect(ok(await update(undefined), 'admin').answerKey).toBe('1');
  });

  it('an unanswered quiz scores 0; a quiz that hides grades answers a USER session no score, an ADMIN one the score', async () => {
    const { start, q1, answer } = await setUp({ showGradeAfterSubmission: 0 });
    const ue = ok(await start(bob), 'bob starts');
    ok(await answer(ue, q1, '1', bob), 'bob answers');
    const done = ok(await call('userEntry', 'submitQuiz', { id: ue.id }, bob), 'submit');
    expect(done.status).toBe('quiz.3');
    expect(done.score).toBeUndefined();
    expect(ok(await call('userEntry', 'get', { id: ue.id }), 'admin get').score).toBe(0.25);
    const empty = await setUp();
    const none = ok(await empty.start(bob), 'bob again');
    expect(ok(await call('userEntry', 'submitQuiz', { id: none.id }, bob), 'submit empty').score).toBe(0);
  });

  it('refuses what Kaltura refuses: not a quiz, a second open attempt, bad answers, another user', async () => {
    const plain = ok(await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', name: 'no quiz', mediaType: 1 } }), 'plain');
    const notQuiz = await call('userEntry', 'add', { userEntry: { objectType: 'KalturaQuizUserEntry', entryId: plain.id } }, alice);
    expect([code(notQuiz), notQuiz.message]).toEqual(['PROVIDED_ENTRY_IS_NOT_A_QUIZ', `Provided entry [${plain.id}] is not a quiz`]);

    const { entry, q1, start, answer } = await setUp();
    const ue = ok(await start(), 'alice starts');
    expect(code(await start())).toBe('QUIZ_USER_ENTRY_ALREADY_EXISTS');
    // bob may start his own, not answer in alice's
    const bobs = ok(await start(bob), 'bob starts');
    expect(code(await answer(ue, q1, '1', bob))).toBe('INVALID_USER_ID');
    // the question must be a question of the entry, the user entry must exist and be of the entry
    const other = await setUp();
    expect(code(await answer(ue, other.q1, '1'))).toBe('PARENT_CUE_POINT_DO_NOT_BELONG_TO_THE_SAME_ENTRY');
    expect(code(await answer(ue, { id: '0_nosuch00' }, '1'))).toBe('PARENT_CUE_POINT_NOT_FOUND');
    const note = ok(
      await call('cuePoint', 'add', { cuePoint: { objectType: 'KalturaCodeCuePoint', entryId: entry.id, startTime: 0, code: 'c' } }),
      'a code cue point',
    );
    expect(code(await answer(ue, note, '1'))).toBe('WRONG_PARENT_TYPE');
    expect(code(await answer({ id: 987654 }, q1, '1'))).toBe('USER_ENTRY_NOT_FOUND');
    const othersUe = ok(await other.start(), 'alice on the other quiz');
    expect(code(await answer(othersUe, q1, '1'))).toBe('USER_ENTRY_DOES_NOT_MATCH_ENTRY_ID');
    const noParent = await call(
      'cuePoint',
      'add',
      { cuePoint: { objectType: 'KalturaAnswerCuePoint', entryId: entry.id, quizUserEntryId: String(ue.id), answerKey: '1' } },
      alice,
    );
    expect(code(noParent)).toBe('PARENT_ID_IS_MISSING');
    // a user entry of another type is no quiz to submit; an unknown id is not found
    const watch = ok(
      await call('userEntry', 'add', { userEntry: { objectType: 'KalturaWatchLaterUserEntry', entryId: entry.id } }, alice),
      'watch later',
    );
    expect(code(await call('userEntry', 'submitQuiz', { id: watch.id }, alice))).toBe('PROVIDED_ENTRY_IS_NOT_A_QUIZ');
    expect(isError(await call('userEntry', 'submitQuiz', { id: 987654 }, alice))).toBe(true);
    // bob cannot submit alice's
    expect(isError(await call('userEntry', 'submitQuiz', { id: ue.id }, bob))).toBe(true);
    ok(await call('userEntry', 'submitQuiz', { id: bobs.id }, bob), 'bob submits his own');
    // a second attempt after a submission: Kaltura 19's attempts are not simulated, and say so
    const again = await start(bob);
    expect(code(again)).toBe('SANDBOX_ACTION_NOT_SIMULATED');
    expect(again.message).toContain('second attempt');
  });
});
