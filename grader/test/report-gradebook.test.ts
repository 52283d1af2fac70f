import { describe, expect, it } from 'vitest';
import { type Gradebook, renderGradebook, toGradebookCsv } from '../src/report/gradebook.js';

const book: Gradebook = {
  version: 1,
  seed: 1,
  lang: 'ko',
  startedAt: '2026-11-28T06:00:00.000Z',
  durationMs: 10,
  exercises: [
    { id: '01-a', title: 'A', maxScore: 10 },
    { id: '02-b', title: 'B', maxScore: 5 },
  ],
  rows: [
    {
      submission: '김철수',
      status: 'graded',
      score: 12.5,
      maxScore: 15,
      percent: 83,
      exercises: { '01-a': 10, '02-b': 2.5 },
      ignoredFiles: 0,
      refusedFiles: 0,
    },
    {
      submission: 'bob',
      status: 'failed',
      score: 0,
      maxScore: 15,
      percent: 0,
      exercises: {},
      ignoredFiles: 0,
      refusedFiles: 0,
      error: 'no, "really"\nbroken',
    },
  ],
};

describe('gradebook', () => {
  it('CSV: one row per submission, a column per exercise, the total; quoted where needed', () => {
    const lines = toGradebookCsv(book)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toBe(
      'submission,student_id,name,01-a,02-b,total,max,percent,status,commit,committed_at,note,error',
    );
    // The second line holds each column's maximum.
    expect(lines[1]).toBe('(max),,,10,5,15,15,100');
    expect(lines[2]).toBe('김철수,,,10,2.5,12.5,15,83,graded,,,,');
    expect(lines[3]).toBe('bob,,,0,0,0,15,0,failed,,,,"no, ""really""\nbroken"');
  });

  it('text: an aligned table, then what went wrong', () => {
    const text = renderGradebook(book, 'ko');
    expect(text.split('\n')[2]).toBe('김철수    10   2.5  12.5/15  83');
    expect(text.split('\n')[3]).toBe('bob        0     0  0/15      0  채점 실패');
    expect(text).toContain('! bob: no, "really"');
  });
});
