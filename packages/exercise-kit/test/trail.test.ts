import { describe, expect, it } from 'vitest';
import { Trail } from '../src/trail.js';

describe('Trail', () => {
  it('writes paths as messages show them', () => {
    const trail = new Trail();
    expect(trail.path()).toBe('');
    for (const step of [1, 'w', 'a b', { raw: '.entries()' }, 0]) trail.down(step);
    expect(trail.path()).toBe('[1].w["a b"].entries()[0]');
    trail.up();
    trail.up();
    expect(trail.path()).toBe('[1].w["a b"]');
  });

  it('keeps a path short, whatever the keys and the depth', () => {
    const trail = new Trail();
    trail.down('k'.repeat(10_000));
    expect(trail.path()).toBe(`.${'k'.repeat(40)}...`);
    for (let i = 0; i < 10_000; i++) trail.down(i);
    expect(trail.path().length).toBeLessThanOrEqual(203);
    expect(trail.path().startsWith('...')).toBe(true);
    expect(trail.path().endsWith('[9999]')).toBe(true);
  });

  it('tells a cycle (still inside) from a shared value (left already), and stops at its depth', () => {
    const trail = new Trail(2);
    const [a, b, c] = [[], [], []];
    expect(trail.enter(a)).toBeNull();
    expect(trail.enter(b)).toBeNull();
    expect(trail.encloses(a)).toBe(true);
    expect(trail.enter(a)).toBe('cycle');
    expect(trail.enter(c)).toBe('too-deep');
    trail.leave(b);
    expect(trail.encloses(b)).toBe(false);
    expect(trail.enter(b)).toBeNull();
    expect(trail.encloses(1)).toBe(false);
  });
});
