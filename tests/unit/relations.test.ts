import { toManyChange, toOneTarget } from '../../plugins/gov-disclosure/server/src/utils/relations';

describe('toOneTarget', () => {
  it.each([
    [undefined, undefined],
    [null, null],
    ['abc', { documentId: 'abc' }],
    [7, { id: 7 }],
    [{ documentId: 'abc', locale: 'en' }, { documentId: 'abc' }],
    [[{ id: 1 }, { id: 2 }], { id: 2 }],
    [[], null],
    [{ connect: [{ id: 3, documentId: 'd3' }], disconnect: [] }, { documentId: 'd3' }],
    [{ connect: [], disconnect: [{ id: 3 }] }, null],
    [{ connect: [], disconnect: [] }, undefined],
    [{ set: [] }, null],
    [{ set: ['x'] }, { documentId: 'x' }],
  ])('%j → %j', (input, expected) => {
    expect(toOneTarget(input)).toEqual(expected);
  });
});

describe('toManyChange', () => {
  it.each([
    [undefined, { kind: 'untouched' }],
    [null, { kind: 'set', targets: [] }],
    [['a', 7], { kind: 'set', targets: [{ documentId: 'a' }, { id: 7 }] }],
    ['a', { kind: 'set', targets: [{ documentId: 'a' }] }],
    [
      { documentId: 'a', locale: 'en' },
      { kind: 'set', targets: [{ documentId: 'a' }] },
    ],
    [{ set: [{ documentId: 'a' }] }, { kind: 'set', targets: [{ documentId: 'a' }] }],
    [{ connect: [], disconnect: [] }, { kind: 'untouched' }],
    [
      { connect: [{ id: 3, documentId: 'd3', locale: 'zh-Hans', position: { end: true } }], disconnect: [{ id: 4 }] },
      { kind: 'patch', connect: [{ documentId: 'd3' }], disconnect: [{ id: 4 }] },
    ],
    [{ disconnect: 'd5' }, { kind: 'patch', connect: [], disconnect: [{ documentId: 'd5' }] }],
  ])('%j → %j', (input, expected) => {
    expect(toManyChange(input)).toEqual(expected);
  });
});
