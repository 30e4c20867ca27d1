export { ApiError } from "./api-error";
export { type ApiErrorCode, apiErrorCodes, apiErrorStatuses } from "./error-codes";
export { readFormBody } from "./form-body";
export { defaultMaxBodyBytes, parseJsonBody, readJsonBody } from "./json-body";
export { otherMethods } from "./other-methods";
export { type ApiErrorBody, errorResponse } from "./response";
export { parseInput, queryObject } from "./validation";
export { type RequestScope, type RouteHandler, withRoute } from "./with-route";
