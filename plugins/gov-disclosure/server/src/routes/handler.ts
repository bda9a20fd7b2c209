import type controllers from '../controllers';

type Controllers = { [K in keyof typeof controllers]: ReturnType<(typeof controllers)[K]> };

/** A route's handler, `controller.action`: the compiler checks it names a controller action that exists. */
export type Handler = { [C in keyof Controllers]: `${C & string}.${keyof Controllers[C] & string}` }[keyof Controllers];

/** The actions of one controller, for route files that serve a single controller. */
export type ActionOf<C extends string> = Handler extends infer H ? (H extends `${C}.${infer A}` ? A : never) : never;
