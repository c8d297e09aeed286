// Shared request schemas for page routes. Ids are bounded so a huge number is a clean 404
// rather than a database error.
import { Type } from 'typebox';

export const MAX_ID = 2_147_483_647;
export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });
export const WorkParams = Type.Object({ id: Id });
export const PageQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) });
