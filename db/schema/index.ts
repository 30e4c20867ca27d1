export * from "./api-keys";
export * from "./netlify-connections";
export * from "./request-log";
export * from "./runners";
export * from "./sessions";
export * from "./sites";
export * from "./sync-state";
export * from "./users";
