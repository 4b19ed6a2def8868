/** Suggestions for misspelt names, and field paths. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../../src/io/scenario/didYouMean.js';
import { formatPath, parsePath } from '../../../src/io/scenario/path.js';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit', () => {
    expect(editDistance('stroage', 'storage')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('is symmetric and zero only for equal strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(editDistance(b, a)).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('returns limit + 1 once the distance exceeds the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});

describe('didYouMean', () => {
  it('suggests the closest candidate, ignoring case', () => {
    expect(didYouMean('egres', ['ingress', 'egress', 'source'])).toBe('egress');
    expect(didYouMean('Cloud', ['site', 'cloud'])).toBe('cloud');
  });

  it('suggests nothing for a word far from every candidate', () => {
    expect(didYouMean('bandwidth', ['ingress', 'egress', 'source'])).toBeNull();
    expect(didYouMean('x', [])).toBeNull();
  });
});

describe('formatPath and parsePath', () => {
  it('write indices in brackets and odd keys quoted', () => {
    expect(formatPath(['links', 3, 'windows', 0, 'from'])).toBe('links[3].windows[0].from');
    expect(formatPath(['providers', 'aws.eu', 'ingress'])).toBe('providers["aws.eu"].ingress');
    expect(formatPath([])).toBe('');
  });

  it('round-trip', () => {
    const seg = fc.oneof(fc.nat({ max: 99 }), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(seg, { maxLength: 5 }), (path) => {
        // A leading index has no key before it; paths always start with a key in scenarios.
        fc.pre(path.length === 0 || typeof path[0] === 'string');
        expect(parsePath(formatPath(path))).toEqual(path);
      }),
    );
  });
});
