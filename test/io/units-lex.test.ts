/** numberFormProblem: the source text of a YAML/JSON number must be a plain decimal. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lexQuantity, numberFormProblem } from '../../src/io/units/lex.js';

describe('numberFormProblem', () => {
  it('accepts the plain decimals the unit lexer accepts', () => {
    for (const text of [
      '0',
      '12',
      '012',
      '2.5',
      '.5',
      '+.5',
      '+1',
      '-0.25',
      '-48',
      '100000000000000000000000',
    ]) {
      expect(numberFormProblem(text), text).toBeNull();
    }
  });

  it('refuses exponents with the plain form as a hint', () => {
    expect(numberFormProblem('1e3')).toEqual({
      ok: false,
      message: '"1e3" uses exponent notation; expected a plain decimal number',
      hint: 'write 1000',
    });
    expect(numberFormProblem('8e-1')?.hint).toBe('write 0.8');
    expect(numberFormProblem('1.2E+1')?.hint).toBe('write 12');
    expect(numberFormProblem('-2.5e2')?.hint).toBe('write -250');
    expect(numberFormProblem('+.5e1')?.hint).toBe('write 5');
    expect(numberFormProblem('1.e2')?.hint).toBe('write 100');
    // Too far from a readable number to spell out.
    expect(numberFormProblem('1e400')).toEqual({
      ok: false,
      message: '"1e400" uses exponent notation; expected a plain decimal number',
    });
  });

  it('refuses YAML core forms that are not decimals: hex, octal, infinities, NaN, a bare trailing dot', () => {
    expect(numberFormProblem('0x10')).toEqual({
      ok: false,
      message: '"0x10" is a hexadecimal number; expected a plain decimal number',
      hint: 'write 16',
    });
    expect(numberFormProblem('0o17')?.hint).toBe('write 15');
    for (const text of ['.inf', '-.Inf', '+.INF', '.nan', '.NaN']) {
      expect(numberFormProblem(text)?.message, text).toBe(
        `"${text}" is not a finite number; expected a plain decimal number`,
      );
    }
    expect(numberFormProblem('1.')).toEqual({
      ok: false,
      message: '"1." is not a plain decimal number; expected a plain decimal number',
      hint: 'write 1',
    });
  });

  it('property: the hint of an exponent form is a plain decimal that the lexer reads to the same value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 6 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -12, max: 12 }),
        (digits, fracLen, power) => {
          const s = String(digits).padStart(fracLen + 1, '0');
          const mant = fracLen === 0 ? s : `${s.slice(0, -fracLen)}.${s.slice(-fracLen)}`;
          const text = `${mant}e${power}`;
          const p = numberFormProblem(text);
          expect(p?.hint).toMatch(/^write /);
          const plain = (p?.hint ?? '').slice('write '.length);
          expect(numberFormProblem(plain)).toBeNull();
          const a = lexQuantity(plain, 'x');
          const b = lexQuantity(`${mant}`, 'x');
          if (!a.ok || !b.ok) throw new Error('expected plain numbers');
          // plain = mant × 10^power exactly: compare cross-multiplied.
          const scale = 10n ** BigInt(Math.abs(power));
          const [l, r] =
            power >= 0
              ? [a.value.num * b.value.den, b.value.num * scale * a.value.den]
              : [a.value.num * b.value.den * scale, b.value.num * a.value.den];
          expect(l).toBe(r);
        },
      ),
    );
  });
});
