import { type IncomingMessage, type ServerResponse } from "node:http";
import { type GraphQLError } from "graphql";
import { assertAllowed, authInfo } from "../auth";
import { type GraftErrorCode, httpStatusOf } from "../errors";

/**
 * The access rule of GraphQL ({@link assertAllowed}: writes need the bearer token, reads are open on
 * loopback) for the plain HTTP routes beside it (images, pixels, model files). Answers the refusal
 * itself, `{ error, code }` with the code's status, and returns false; true when the request may go on.
 */
export function allowedOverHttp(req: IncomingMessage, res: ServerResponse, token: string, operation: "query" | "mutation"): boolean {
  try {
    assertAllowed(operation, authInfo(req.headers.authorization, req.socket.remoteAddress, token));
    return true;
  } catch (error) {
    const code = (error as GraphQLError).extensions["code"] as GraftErrorCode;
    res.statusCode = httpStatusOf(code);
    res.setHeader("Content-Type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: (error as Error).message, code }));
    return false;
  }
}
