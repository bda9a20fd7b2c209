import { FEE_BANDS, MAX_FEE_COUNT, informationFee, type FeeInput } from '../../plugins/gov-disclosure/shared/domain/information-fee';

const total = (input: FeeInput): number => {
  const r = informationFee(input);
  if (!r.ok) throw new Error(`unexpected failure: ${r.field}: ${r.message}`);
  return r.totalYuan;
};

/** Straight from the text of 第四条, one item at a time: 1–10 free, 11–30 ¥100, then +¥100 per band of 10. */
const itemPrice = (n: number) => (n <= 10 ? 0 : n <= 30 ? 100 : 200 + Math.floor((n - 31) / 10) * 100);
const cumulativeByItem = (n: number) => Array.from({ length: n }, (_, i) => itemPrice(i + 1)).reduce((a, b) => a + b, 0);

describe('信息处理费 按件计收 (国办函〔2020〕109号 第四条)', () => {
  it.each([
    [1, 0],
    [10, 0], // 10件以下（含10件）不收费
    [11, 100], // 11—30件的部分 100元/件
    [30, 2000],
    [31, 2200], // 31件起 first band of 10: 200元/件
    [40, 4000],
    [41, 4300], // next band: 300元/件
    [50, 7000],
    [51, 7400], // 400元/件
    [60, 11000],
  ])('a first application of %i items in the month costs ¥%i', (items, yuan) => {
    expect(total({ method: 'by_item', items })).toBe(yuan);
    expect(total({ method: 'by_item', items, earlierItemsThisMonth: 0 })).toBe(yuan);
    expect(cumulativeByItem(items)).toBe(yuan);
  });

  it.each([
    [9, 10, 0],
    [10, 11, 100],
    [29, 30, 100],
    [30, 31, 200],
    [39, 40, 200],
    [40, 41, 300],
    [49, 50, 300],
    [50, 51, 400],
    [59, 60, 400],
    [60, 61, 500],
  ])('with %i items earlier this month, one more item (the %ith) costs ¥%i', (earlierItemsThisMonth, _nth, yuan) => {
    expect(total({ method: 'by_item', items: 1, earlierItemsThisMonth })).toBe(yuan);
  });

  it('charges only this application when it straddles a band: 25 earlier, 10 now → items 26–35', () => {
    const r = informationFee({ method: 'by_item', items: 10, earlierItemsThisMonth: 25 });
    expect(r).toEqual({
      ok: true,
      totalYuan: 1500,
      lines: [
        { from: 26, to: 30, count: 5, unitYuan: 100, amountYuan: 500 },
        { from: 31, to: 35, count: 5, unitYuan: 200, amountYuan: 1000 },
      ],
    });
  });

  it('shows the free part as a ¥0 line: 8 earlier, 5 now → items 9–13', () => {
    const r = informationFee({ method: 'by_item', items: 5, earlierItemsThisMonth: 8 });
    expect(r).toEqual({
      ok: true,
      totalYuan: 300,
      lines: [
        { from: 9, to: 10, count: 2, unitYuan: 0, amountYuan: 0 },
        { from: 11, to: 13, count: 3, unitYuan: 100, amountYuan: 300 },
      ],
    });
  });

  it('crosses several bands in one application: 28 earlier, 25 now → items 29–53', () => {
    const r = informationFee({ method: 'by_item', items: 25, earlierItemsThisMonth: 28 });
    expect(r.ok && r.lines).toEqual([
      { from: 29, to: 30, count: 2, unitYuan: 100, amountYuan: 200 },
      { from: 31, to: 40, count: 10, unitYuan: 200, amountYuan: 2000 },
      { from: 41, to: 50, count: 10, unitYuan: 300, amountYuan: 3000 },
      { from: 51, to: 53, count: 3, unitYuan: 400, amountYuan: 1200 },
    ]);
    expect(r.ok && r.totalYuan).toBe(6400);
  });

  it('a month split into applications costs the same as one application of the same total', () => {
    for (let earlier = 0; earlier <= 70; earlier += 1) {
      for (let items = 1; items <= 25; items += 1) {
        expect(total({ method: 'by_item', items, earlierItemsThisMonth: earlier })).toBe(cumulativeByItem(earlier + items) - cumulativeByItem(earlier));
      }
    }
  });

  it('lines add up to the total and count exactly this application’s items', () => {
    const r = informationFee({ method: 'by_item', items: 47, earlierItemsThisMonth: 6 });
    if (!r.ok) throw new Error(r.message);
    expect(r.lines.reduce((s, l) => s + l.count, 0)).toBe(47);
    expect(r.lines.reduce((s, l) => s + l.amountYuan, 0)).toBe(r.totalYuan);
    expect(r.lines[0].from).toBe(7);
    expect(r.lines[r.lines.length - 1].to).toBe(53);
    for (const l of r.lines) expect(l.amountYuan).toBe(l.count * l.unitYuan);
  });
});

describe('信息处理费 按量计收 (国办函〔2020〕109号 第五条)', () => {
  it.each([
    [0, 0],
    [1, 0],
    [30, 0], // 30页以下（含30页）不收费
    [31, 10], // 31—100页的部分 10元/页
    [100, 700],
    [101, 720], // 101—200页的部分 20元/页
    [200, 2700],
    [201, 2740], // 201页以上的部分 40元/页
    [250, 4700],
  ])('%i pages cost ¥%i', (pages, yuan) => {
    expect(total({ method: 'by_volume', pages })).toBe(yuan);
  });

  it("2219 pages cost ¥83460, as on a fee notice reported from Xi'an (press, 2219 pages)", () => {
    expect(total({ method: 'by_volume', pages: 2219 })).toBe(83460);
  });

  it('0 pages: no lines, no fee', () => {
    expect(informationFee({ method: 'by_volume', pages: 0 })).toEqual({ ok: true, totalYuan: 0, lines: [] });
  });

  it('201 pages: one line per band, the free band included', () => {
    expect(informationFee({ method: 'by_volume', pages: 201 })).toEqual({
      ok: true,
      totalYuan: 2740,
      lines: [
        { from: 1, to: 30, count: 30, unitYuan: 0, amountYuan: 0 },
        { from: 31, to: 100, count: 70, unitYuan: 10, amountYuan: 700 },
        { from: 101, to: 200, count: 100, unitYuan: 20, amountYuan: 2000 },
        { from: 201, to: 201, count: 1, unitYuan: 40, amountYuan: 40 },
      ],
    });
  });
});

describe('信息处理费 bad input', () => {
  const bad = (input: unknown, field: string) => {
    const r = informationFee(input as FeeInput);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.field).toBe(field);
    // Chinese first, then the English in parentheses
    expect(r.message).toMatch(/^[\u4e00-\u9fff].*\(.*[A-Za-z].*\)$/s);
  };

  it.each([[undefined], [null], ['by_page'], [''], [1]])('method %p', (method) => bad({ method, items: 1 }, 'method'));
  it('no input at all', () => bad(null, 'method'));

  it.each([[undefined], [null], [0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY], ['3'], [MAX_FEE_COUNT + 1]])('by_item items %p', (items) =>
    bad({ method: 'by_item', items }, 'items')
  );

  it.each([[-1], [0.5], [Number.NaN], ['2'], [MAX_FEE_COUNT + 1]])('by_item earlierItemsThisMonth %p', (earlierItemsThisMonth) =>
    bad({ method: 'by_item', items: 1, earlierItemsThisMonth }, 'earlierItemsThisMonth')
  );

  it('by_item cumulative count beyond the limit', () => bad({ method: 'by_item', items: 2, earlierItemsThisMonth: MAX_FEE_COUNT - 1 }, 'items'));

  it.each([[undefined], [null], [-1], [2.5], [Number.NaN], ['10'], [MAX_FEE_COUNT + 1]])('by_volume pages %p', (pages) =>
    bad({ method: 'by_volume', pages }, 'pages')
  );

  it('never both methods at once (第三条)', () => {
    bad({ method: 'by_item', items: 3, pages: 40 }, 'pages');
    bad({ method: 'by_volume', pages: 40, items: 3 }, 'items');
    bad({ method: 'by_volume', pages: 40, earlierItemsThisMonth: 3 }, 'earlierItemsThisMonth');
  });

  it('the other method’s fields may be present as null (blank form fields)', () => {
    expect(total({ method: 'by_item', items: 11, pages: null as unknown as number })).toBe(100);
    expect(total({ method: 'by_volume', pages: 31, items: undefined, earlierItemsThisMonth: null as unknown as number })).toBe(10);
  });
});

describe('FEE_BANDS for the admin panel', () => {
  it('matches the official tables', () => {
    expect(FEE_BANDS.by_item.bands.map(({ from, to, unitYuan, step }) => ({ from, to, unitYuan, step }))).toEqual([
      { from: 1, to: 10, unitYuan: 0, step: undefined },
      { from: 11, to: 30, unitYuan: 100, step: undefined },
      { from: 31, to: null, unitYuan: 200, step: { size: 10, increaseYuan: 100 } },
    ]);
    expect(FEE_BANDS.by_volume.bands.map(({ from, to, unitYuan }) => ({ from, to, unitYuan }))).toEqual([
      { from: 1, to: 30, unitYuan: 0 },
      { from: 31, to: 100, unitYuan: 10 },
      { from: 101, to: 200, unitYuan: 20 },
      { from: 201, to: null, unitYuan: 40 },
    ]);
  });

  it('bands are contiguous from 1 and each carries its official clause', () => {
    for (const schedule of Object.values(FEE_BANDS)) {
      let next = 1;
      for (const band of schedule.bands) {
        expect(band.from).toBe(next);
        expect(band.clause).toMatch(/[\u4e00-\u9fff]/);
        expect(band.clauseEn).toMatch(/[A-Za-z]/);
        next = band.to === null ? Number.POSITIVE_INFINITY : band.to + 1;
      }
      expect(next).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(FEE_BANDS)).toBe(true);
    expect(Object.isFrozen(FEE_BANDS.by_item.bands)).toBe(true);
    expect(Object.isFrozen(FEE_BANDS.by_volume.bands[0])).toBe(true);
  });
});
