import { toOneTarget } from '../../plugins/gov-disclosure/server/src/utils/relations';

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
