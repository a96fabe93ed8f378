import { errorFromResponse } from './errors.js';

/** The shape openapi-fetch resolves with. */
export interface FetchResult<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/** The data of a successful call, or the call's typed `ChorusError` thrown. */
export function unwrap<Data>(result: FetchResult<Data>): Data {
  if (result.response.ok) return result.data as Data;
  throw errorFromResponse(result.response, result.error);
}
