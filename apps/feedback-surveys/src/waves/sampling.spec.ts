import type { AgeBand, Sex } from '../instruments/types';
import {
  drawSample,
  type FrameEntry,
  hashSeed,
  marginOfError,
  mulberry32,
  requiredSampleSize,
  seededRandom,
  shuffle,
} from './sampling';

/** `count` entries of a precinct, refs `${prefix}-000`, `${prefix}-001`, … */
function entries(
  precinctCode: string,
  count: number,
  profile: { sex?: Sex | null; ageBand?: AgeBand | null } = {},
  prefix = precinctCode,
): FrameEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    ref: `${prefix}-${String(i).padStart(3, '0')}`,
    precinctCode,
    ...profile,
  }));
}

describe('seeded random numbers', () => {
  it('hashSeed is a deterministic 32-bit unsigned integer that depends on every character', () => {
    expect(hashSeed('wave-2026-Q1')).toBe(hashSeed('wave-2026-Q1'));
    expect(hashSeed('wave-2026-Q1')).not.toBe(hashSeed('wave-2026-Q2'));
    expect(hashSeed('ab')).not.toBe(hashSeed('ba'));
    for (const s of ['', 'a', 'wave', 'қазақша']) {
      const h = hashSeed(s);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
  });

  it('mulberry32 gives the same stream for the same state, values in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    // roughly uniform: the mean of 1000 uniforms is 0.5 ± 0.0091 (sd = √(1/12/1000)); allow 5 sd
    expect(Math.abs(xs.reduce((t, x) => t + x, 0) / 1000 - 0.5)).toBeLessThan(0.046);
    expect(mulberry32(43)()).not.toBe(mulberry32(42)());
  });

  it('shuffle is a permutation and does not change its input', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const copy = [...items];
    const shuffled = shuffle(items, seededRandom('x'));
    expect(items).toEqual(copy);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffled).not.toEqual(items);
  });

  it('shuffle puts each item in each position about equally often', () => {
    // 3 items, 6000 shuffles: each of the 6 orders expected 1000 times (sd = √(6000·(1/6)(5/6)) ≈ 28.9)
    const random = seededRandom('uniformity');
    const counts = new Map<string, number>();
    for (let i = 0; i < 6000; i++) {
      const key = shuffle(['a', 'b', 'c'], random).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(Math.abs(c - 1000)).toBeLessThan(150);
  });
});

describe('drawSample', () => {
  const frame: FrameEntry[] = [...entries('P01', 40), ...entries('P02', 25), ...entries('P03', 30)];

  it('draws the quota sizes without replacement, only from the quota precincts', () => {
    const result = drawSample(
      frame,
      [
        { precinctCode: 'P01', size: 10 },
        { precinctCode: 'P02', size: 5 },
      ],
      'wave-1',
    );
    expect(result.selected).toHaveLength(15);
    expect(new Set(result.selected).size).toBe(15);
    expect(result.selected.filter((r) => r.startsWith('P01-'))).toHaveLength(10);
    expect(result.selected.filter((r) => r.startsWith('P02-'))).toHaveLength(5);
    expect(result.selected.some((r) => r.startsWith('P03-'))).toBe(false);
    expect(result.perPrecinct).toEqual([
      { precinctCode: 'P01', frameSize: 40, wanted: 10, selected: 10, shortfall: 0 },
      { precinctCode: 'P02', frameSize: 25, wanted: 5, selected: 5, shortfall: 0 },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('is deterministic for the same seed and input, whatever the frame order', () => {
    const quotas = [
      { precinctCode: 'P01', size: 10 },
      { precinctCode: 'P03', size: 7 },
    ];
    const a = drawSample(frame, quotas, 'wave-2026-Q1');
    const b = drawSample(frame, quotas, 'wave-2026-Q1');
    const reversed = drawSample([...frame].reverse(), quotas, 'wave-2026-Q1');
    expect(b).toEqual(a);
    expect(reversed).toEqual(a);
  });

  it('depends on the seed', () => {
    const quotas = [{ precinctCode: 'P01', size: 10 }];
    const a = drawSample(frame, quotas, 'wave-2026-Q1').selected;
    const b = drawSample(frame, quotas, 'wave-2026-Q2').selected;
    // two independent draws of 10 of 40 coincide with probability 1/C(40,10) ≈ 1.2e-9
    expect([...a].sort()).not.toEqual([...b].sort());
  });

  it("a precinct's draw does not depend on other precincts", () => {
    const alone = drawSample(frame, [{ precinctCode: 'P02', size: 6 }], 's').selected;
    const withOthers = drawSample(
      frame,
      [
        { precinctCode: 'P01', size: 3 },
        { precinctCode: 'P02', size: 6 },
      ],
      's',
    ).selected.filter((r) => r.startsWith('P02-'));
    expect(withOthers).toEqual(alone);
  });

  it('selects every entry with probability size/frameSize', () => {
    // 10 entries, size 3, 3000 seeds: each entry expected 900 times (sd = √(3000·0.3·0.7) ≈ 25.1)
    const small = entries('P09', 10);
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      for (const ref of drawSample(small, [{ precinctCode: 'P09', size: 3 }], `seed-${i}`).selected) {
        counts.set(ref, (counts.get(ref) ?? 0) + 1);
      }
    }
    expect(counts.size).toBe(10);
    for (const c of counts.values()) expect(Math.abs(c - 900)).toBeLessThan(125);
  });

  it('a quota larger than the frame takes everything and reports the shortfall', () => {
    const result = drawSample(frame, [{ precinctCode: 'P02', size: 30 }], 'x');
    expect(result.selected).toHaveLength(25);
    expect(result.perPrecinct).toEqual([
      { precinctCode: 'P02', frameSize: 25, wanted: 30, selected: 25, shortfall: 5 },
    ]);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('P02');
    expect(result.warnings[0]).toContain('shortfall 5');
  });

  it('a quota for a precinct missing from the frame selects nothing, with a warning', () => {
    const result = drawSample(frame, [{ precinctCode: 'P77', size: 4 }], 'x');
    expect(result.selected).toEqual([]);
    expect(result.perPrecinct).toEqual([
      { precinctCode: 'P77', frameSize: 0, wanted: 4, selected: 0, shortfall: 4 },
    ]);
    expect(result.warnings).toHaveLength(1);
  });

  it('size 0 selects nothing', () => {
    const result = drawSample(frame, [{ precinctCode: 'P01', size: 0 }], 'x');
    expect(result.selected).toEqual([]);
    expect(result.perPrecinct[0]).toEqual({
      precinctCode: 'P01',
      frameSize: 40,
      wanted: 0,
      selected: 0,
      shortfall: 0,
    });
  });

  describe('sub-quotas', () => {
    // P10: 10 women, 30 men, 5 of unknown sex
    const mixed: FrameEntry[] = [
      ...entries('P10', 10, { sex: 'female' }, 'F'),
      ...entries('P10', 30, { sex: 'male' }, 'M'),
      ...entries('P10', 5, { sex: null }, 'U'),
    ];
    const sexOf = (ref: string) => ref[0];

    it('fills the sex sub-quota first, the rest from anyone', () => {
      for (const seed of ['a', 'b', 'c', 'd', 'e']) {
        const result = drawSample(mixed, [{ precinctCode: 'P10', size: 12, bySex: { female: 8 } }], seed);
        expect(result.selected).toHaveLength(12);
        expect(new Set(result.selected).size).toBe(12);
        expect(result.selected.filter((r) => sexOf(r) === 'F').length).toBeGreaterThanOrEqual(8);
        expect(result.warnings).toEqual([]);
      }
    });

    it('sub-quotas for both sexes are met exactly when they sum to the size', () => {
      const result = drawSample(
        mixed,
        [{ precinctCode: 'P10', size: 20, bySex: { female: 10, male: 10 } }],
        'seed',
      );
      expect(result.selected.filter((r) => sexOf(r) === 'F')).toHaveLength(10);
      expect(result.selected.filter((r) => sexOf(r) === 'M')).toHaveLength(10);
    });

    it('an age-band sub-quota alone counts what is drawn', () => {
      // P21: 5 aged 16-24, 45 aged 45-59; 16-24 ≥ 4 of 10, the rest from anyone
      const frame21: FrameEntry[] = [
        ...entries('P21', 5, { ageBand: '16-24' }, 'Y'),
        ...entries('P21', 45, { ageBand: '45-59' }, 'O'),
      ];
      for (const seed of ['1', '2', '3']) {
        const result = drawSample(
          frame21,
          [{ precinctCode: 'P21', size: 10, byAgeBand: { '16-24': 4 } }],
          seed,
        );
        expect(result.selected.filter((r) => r.startsWith('Y')).length).toBeGreaterThanOrEqual(4);
        expect(result.selected).toHaveLength(10);
      }
    });

    it('a sub-quota beyond the matching entries warns and is made up from others', () => {
      const result = drawSample(mixed, [{ precinctCode: 'P10', size: 15, bySex: { female: 12 } }], 's');
      // all 10 women, then 5 more from men or unknown
      expect(result.selected.filter((r) => sexOf(r) === 'F')).toHaveLength(10);
      expect(result.selected).toHaveLength(15);
      expect(result.perPrecinct[0].shortfall).toBe(0);
      expect(result.warnings).toHaveLength(1);
      expect(result.warnings[0]).toContain('female');
    });

    it('entries of unknown sex never fill a sex sub-quota', () => {
      // only unknown-sex entries and a male sub-quota: nothing matches, the size is filled from them anyway
      const result = drawSample(
        entries('P11', 6, { sex: null }),
        [{ precinctCode: 'P11', size: 3, bySex: { male: 3 } }],
        's',
      );
      expect(result.selected).toHaveLength(3);
      expect(result.warnings).toHaveLength(1);
    });

    it('meets sex and age-band sub-quotas together, counting each entry for both', () => {
      // P20: 10 women 60+, 20 women 25-34, 20 men 25-34, 15 men 60+ (25 of 65 aged 60+)
      const frame20: FrameEntry[] = [
        ...entries('P20', 10, { sex: 'female', ageBand: '60+' }, 'FO'),
        ...entries('P20', 20, { sex: 'female', ageBand: '25-34' }, 'FY'),
        ...entries('P20', 20, { sex: 'male', ageBand: '25-34' }, 'MY'),
        ...entries('P20', 15, { sex: 'male', ageBand: '60+' }, 'MO'),
      ];
      // sex sub-quotas alone would draw about 20·25/65 ≈ 7.7 people aged 60+, sometimes fewer than 8,
      // often more; entries serving both margins come first and, once 8 are 60+, the sex sub-quotas
      // are filled with 25-34, so exactly 8 are 60+
      for (let seed = 0; seed < 50; seed++) {
        const result = drawSample(
          frame20,
          [{ precinctCode: 'P20', size: 20, bySex: { female: 10, male: 10 }, byAgeBand: { '60+': 8 } }],
          `seed-${seed}`,
        );
        const old = result.selected.filter((r) => r.startsWith('FO') || r.startsWith('MO'));
        expect(old).toHaveLength(8);
        expect(result.selected.filter((r) => r.startsWith('F'))).toHaveLength(10);
        expect(result.selected.filter((r) => r.startsWith('M'))).toHaveLength(10);
        expect(result.selected).toHaveLength(20);
        expect(result.warnings).toEqual([]);
      }
    });

    it('sub-quotas never push the sample above the size', () => {
      const result = drawSample(
        mixed,
        [{ precinctCode: 'P10', size: 5, bySex: { female: 4, male: 4 } }],
        's',
      );
      expect(result.selected).toHaveLength(5);
      // 4 + 4 sub-quota places for a size of 5: neither sex gets more than its sub-quota
      expect(result.selected.filter((r) => sexOf(r) === 'F').length).toBeLessThanOrEqual(4);
      expect(result.selected.filter((r) => sexOf(r) === 'M').length).toBeLessThanOrEqual(4);
      expect(result.warnings.some((w) => w.includes('exceed'))).toBe(true);
      expect(result.warnings.some((w) => w.includes('met with'))).toBe(true);
    });
  });

  it('drops duplicate refs with a warning', () => {
    const dup: FrameEntry[] = [...entries('P01', 3), { ref: 'P01-000', precinctCode: 'P01' }];
    const result = drawSample(dup, [{ precinctCode: 'P01', size: 4 }], 's');
    expect(result.selected).toHaveLength(3);
    expect(result.perPrecinct[0].frameSize).toBe(3);
    expect(result.warnings.some((w) => w.includes('duplicate'))).toBe(true);
  });

  it('rejects invalid quotas', () => {
    expect(() => drawSample(frame, [{ precinctCode: 'P01', size: -1 }], 's')).toThrow(RangeError);
    expect(() => drawSample(frame, [{ precinctCode: 'P01', size: 2.5 }], 's')).toThrow(RangeError);
    expect(() => drawSample(frame, [{ precinctCode: 'P01', size: 5, bySex: { female: -2 } }], 's')).toThrow(
      RangeError,
    );
    expect(() =>
      drawSample(
        frame,
        [
          { precinctCode: 'P01', size: 5 },
          { precinctCode: 'P01', size: 3 },
        ],
        's',
      ),
    ).toThrow(RangeError);
  });
});

describe('marginOfError', () => {
  it('±9.8 points at n = 100 and ±4.9 at n = 400', () => {
    // 1.96·√(0.25/100) = 1.96·0.05 = 0.098; 1.96·√(0.25/400) = 1.96·0.025 = 0.049
    expect(marginOfError(100)).toBeCloseTo(0.098, 12);
    expect(marginOfError(400)).toBeCloseTo(0.049, 12);
  });

  it('uses p and z', () => {
    // p = 0.2, n = 100: 1.96·√(0.16/100) = 1.96·0.04 = 0.0784; z = 2.576: 2.576·0.05 = 0.1288
    expect(marginOfError(100, 0.2)).toBeCloseTo(0.0784, 12);
    expect(marginOfError(100, 0.5, 2.576)).toBeCloseTo(0.1288, 12);
  });

  it('applies the finite-population correction', () => {
    // n = 100, N = 1000: 0.098·√(900/999) = 0.098·0.9491579 = 0.0930175
    expect(marginOfError(100, 0.5, 1.96, 1000)).toBeCloseTo(0.0930175, 6);
    // a census has no sampling error
    expect(marginOfError(100, 0.5, 1.96, 100)).toBe(0);
  });

  it('rejects invalid input', () => {
    expect(() => marginOfError(0)).toThrow(RangeError);
    expect(() => marginOfError(10, 1.5)).toThrow(RangeError);
    expect(() => marginOfError(10, 0.5, 0)).toThrow(RangeError);
    expect(() => marginOfError(100, 0.5, 1.96, 50)).toThrow(RangeError);
  });
});

describe('requiredSampleSize', () => {
  it('385 for ±5 % and 1068 for ±3 %', () => {
    // n0 = 1.96²·0.25/0.05² = 3.8416·0.25/0.0025 = 384.16 → 385
    expect(requiredSampleSize(0.05)).toBe(385);
    // n0 = 0.9604/0.0009 = 1067.11 → 1068
    expect(requiredSampleSize(0.03)).toBe(1068);
    // ±10 %: 0.9604/0.01 = 96.04 → 97
    expect(requiredSampleSize(0.1)).toBe(97);
  });

  it('applies the finite-population correction', () => {
    // N = 1000: 384.16/(1 + 383.16/1000) = 384.16/1.38316 = 277.74 → 278
    expect(requiredSampleSize(0.05, 0.5, 1.96, 1000)).toBe(278);
    // N = 200: 384.16/(1 + 383.16/200) = 384.16/2.9158 = 131.75 → 132
    expect(requiredSampleSize(0.05, 0.5, 1.96, 200)).toBe(132);
    // a huge population changes nothing: 384.16/(1 + 383.16/1e9) = 384.15985 → 385
    expect(requiredSampleSize(0.05, 0.5, 1.96, 1e9)).toBe(385);
  });

  it('uses p and z', () => {
    // p = 0.1: 3.8416·0.09/0.0025 = 138.2976 → 139; z = 2.576: 6.635776·0.25/0.0025 = 663.5776 → 664
    expect(requiredSampleSize(0.05, 0.1)).toBe(139);
    expect(requiredSampleSize(0.05, 0.5, 2.576)).toBe(664);
  });

  it('does not round an exact result up', () => {
    // z = 2, p = 0.5, e = 0.1: 4·0.25/0.01 = 100 exactly (in floating point 100.00000000000001 or so)
    expect(requiredSampleSize(0.1, 0.5, 2)).toBe(100);
  });

  it('is consistent with marginOfError', () => {
    for (const e of [0.02, 0.03, 0.05, 0.07]) {
      const n = requiredSampleSize(e);
      expect(marginOfError(n)).toBeLessThanOrEqual(e);
      expect(marginOfError(n - 1)).toBeGreaterThan(e);
    }
  });

  it('rejects invalid input', () => {
    expect(() => requiredSampleSize(0)).toThrow(RangeError);
    expect(() => requiredSampleSize(1)).toThrow(RangeError);
    expect(() => requiredSampleSize(0.05, -0.1)).toThrow(RangeError);
    expect(() => requiredSampleSize(0.05, 0.5, 1.96, 0)).toThrow(RangeError);
  });
});
