/** The few PostgreSQL wire-protocol messages the embedded server writes or reads itself. */

function cstring(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, "utf8"), Buffer.from([0])]);
}

/** AuthenticationCleartextPassword: 'R', length 8, code 3. */
export function authenticationCleartextRequest(): Buffer {
  const message = Buffer.alloc(9);
  message.write("R", 0);
  message.writeInt32BE(8, 1);
  message.writeInt32BE(3, 5);
  return message;
}

/** A FATAL ErrorResponse with an SQLSTATE code. */
export function errorResponse(code: string, text: string): Buffer {
  const fields = Buffer.concat([
    Buffer.from("S"),
    cstring("FATAL"),
    Buffer.from("V"),
    cstring("FATAL"),
    Buffer.from("C"),
    cstring(code),
    Buffer.from("M"),
    cstring(text),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write("E", 0);
  header.writeInt32BE(fields.length + 4, 1);
  return Buffer.concat([header, fields]);
}

/**
 * The key/value pairs of a StartupMessage (length, protocol, then NUL-terminated pairs and a
 * final NUL), or undefined when the packet is not laid out that way.
 */
export function parseStartupParameters(message: Buffer): Record<string, string> | undefined {
  if (message.length < 9 || message[message.length - 1] !== 0) return undefined;
  const parts = message
    .subarray(8, message.length - 1)
    .toString("utf8")
    .split("\0");
  if (parts.length % 2 !== 1 || parts.at(-1) !== "") return undefined;
  const parameters: Record<string, string> = {};
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const key = parts[i];
    const value = parts[i + 1];
    if (!key || value === undefined) return undefined;
    parameters[key] = value;
  }
  return parameters;
}

/** The password of a PasswordMessage ('p', length, NUL-terminated text). */
export function parsePassword(message: Buffer): string | undefined {
  if (message.length < 6 || message[message.length - 1] !== 0) return undefined;
  return message.subarray(5, message.length - 1).toString("utf8");
}
