import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db";
import { migrate } from "@/db/migrate";
import { type NewUser, userSessions, users } from "@/db/schema";
import { storageBackends, type TestDatabase } from "@/db/testing/backends";
import { createSession, validateSession } from "@/lib/auth/session-store";
import { ApiError } from "@/lib/http/api-error";
import { refusal } from "@/lib/testing/refusal";
import { listUsers } from "./list-users";
import { removeUser } from "./remove-user";
import { approveUser, changeUserRole, updateUser } from "./update-user";

// PGlite always; PostgreSQL when TEST_DATABASE_URL names a server (the Neon driver is covered by the storage suite).
for (const backend of storageBackends().slice(0, 2)) {
  describe(`managing users on ${backend.name}`, () => {
    let database: TestDatabase;
    const db = () => database.handle.db;

    const person = async (fullName: string | null, values: Partial<NewUser> = {}) => {
      const email = `${(fullName ?? "nameless").toLowerCase().replaceAll(" ", ".")}@example.com`;
      const [row] = await db()
        .insert(users)
        .values({ email, fullName, role: "member", status: "active", ...values })
        .returning();
      if (!row) throw new Error("inserting a user returned no row");
      return row;
    };
    const stateOf = async (userId: string) => {
      const [row] = await db().select().from(users).where(eq(users.id, userId));
      return row && { role: row.role, status: row.status };
    };
    const everything = async (on: Database = db()) => ({
      users: await on.select().from(users).orderBy(users.id),
      sessions: await on.select().from(userSessions).orderBy(userSessions.id),
    });

    beforeAll(async () => {
      database = await backend.create();
      await migrate(db());
    });
    beforeEach(async () => {
      await db().delete(users);
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it("lists people waiting for approval first, then everyone by name", async () => {
      await person("Zoe Zimmer");
      await person("marco Rossi", { status: "disabled" });
      await person("Priya Patel", { status: "pending" });
      await person(null, { email: "anonymous@example.com" });
      await person("Aaron Able", { status: "pending" });
      await person("Dana Demo", { role: "admin" });
      const names = (await listUsers(db())).map((row) => row.fullName ?? row.email);
      expect(names).toEqual([
        "Aaron Able",
        "Priya Patel",
        "anonymous@example.com",
        "Dana Demo",
        "marco Rossi",
        "Zoe Zimmer",
      ]);
    });

    it("approves a person waiting, keeping their role; approving again changes nothing", async () => {
      const priya = await person("Priya Patel", { status: "pending" });
      expect(await approveUser(db(), priya.id)).toMatchObject({ role: "member", status: "active" });
      expect(await stateOf(priya.id)).toEqual({ role: "member", status: "active" });
      expect(await approveUser(db(), priya.id)).toMatchObject({ role: "member", status: "active" });
    });

    it("changes a role, and approves and sets a role in one change", async () => {
      await person("Dana Demo", { role: "admin" });
      const marco = await person("Marco Rossi");
      await changeUserRole(db(), marco.id, "viewer");
      expect(await stateOf(marco.id)).toEqual({ role: "viewer", status: "active" });
      await changeUserRole(db(), marco.id, "admin");
      expect(await stateOf(marco.id)).toEqual({ role: "admin", status: "active" });
      const priya = await person("Priya Patel", { status: "pending" });
      await updateUser(db(), priya.id, { status: "active", role: "viewer" });
      expect(await stateOf(priya.id)).toEqual({ role: "viewer", status: "active" });
    });

    it("removes a person: disabled, not deleted, and signed out of every browser at once", async () => {
      await person("Dana Demo", { role: "admin" });
      const marco = await person("Marco Rossi");
      const priya = await person("Priya Patel");
      const laptop = await createSession(db(), marco.id, "laptop");
      const phone = await createSession(db(), marco.id, "phone");
      const priyas = await createSession(db(), priya.id, null);
      await removeUser(db(), marco.id);
      expect(await stateOf(marco.id)).toEqual({ role: "member", status: "disabled" });
      expect(await validateSession(db(), laptop.token)).toBeUndefined();
      expect(await validateSession(db(), phone.token)).toBeUndefined();
      expect((await validateSession(db(), priyas.token))?.user.id).toBe(priya.id);
      await removeUser(db(), marco.id);
      expect(await stateOf(marco.id)).toEqual({ role: "member", status: "disabled" });
      await approveUser(db(), marco.id);
      expect(await stateOf(marco.id)).toEqual({ role: "member", status: "active" });
    });

    it("never takes the last active admin away, themselves included, and a refusal writes nothing", async () => {
      const dana = await person("Dana Demo", { role: "admin" });
      await person("Former Admin", { role: "admin", status: "disabled" });
      await person("Waiting Admin", { role: "admin", status: "pending" });
      await person("Marco Rossi");
      await createSession(db(), dana.id, null);
      const before = await everything();
      const attempts: Array<[string, () => Promise<unknown>]> = [
        ["demoting to member", () => changeUserRole(db(), dana.id, "member")],
        ["demoting to viewer", () => updateUser(db(), dana.id, { role: "viewer", status: "active" })],
        ["removing", () => removeUser(db(), dana.id)],
      ];
      for (const [name, attempt] of attempts) {
        const error = await refusal(attempt());
        expect(error.code, name).toBe("CONFLICT");
        expect(error.status, name).toBe(409);
        expect(error.message, name).toBe(
          "Switchyard needs at least one admin: make someone else an admin first.",
        );
      }
      expect(await everything()).toEqual(before);
    });

    it("lets an admin step down or be removed once another active admin exists", async () => {
      const dana = await person("Dana Demo", { role: "admin" });
      const marco = await person("Marco Rossi");
      await changeUserRole(db(), marco.id, "admin");
      await changeUserRole(db(), dana.id, "member");
      expect(await stateOf(dana.id)).toEqual({ role: "member", status: "active" });
      expect((await refusal(removeUser(db(), marco.id))).code).toBe("CONFLICT");
      await changeUserRole(db(), dana.id, "admin");
      await removeUser(db(), marco.id);
      expect(await stateOf(marco.id)).toEqual({ role: "admin", status: "disabled" });
    });

    it("lets only one of two admins demoting each other at the same moment succeed", async () => {
      const dana = await person("Dana Demo", { role: "admin" });
      const marco = await person("Marco Rossi", { role: "admin" });
      const elsewhere = await database.openAnother();
      const outcomes = await Promise.allSettled([
        changeUserRole(db(), marco.id, "member"),
        changeUserRole(elsewhere.db, dana.id, "member"),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
      const [refused] = outcomes.flatMap((outcome) =>
        outcome.status === "rejected" ? [outcome.reason] : [],
      );
      expect(refused).toBeInstanceOf(ApiError);
      expect((refused as ApiError).code).toBe("CONFLICT");
      const admins = (await listUsers(db())).filter((row) => row.role === "admin" && row.status === "active");
      expect(admins).toHaveLength(1);
    });

    it("answers 404 for an unknown user or an id that is not one, and writes nothing", async () => {
      await person("Dana Demo", { role: "admin" });
      const before = await everything();
      for (const userId of ["6f1c1f5e-8f0a-4a3e-9d7b-2b6b4c1d2e3f", "not-a-uuid", "", "../admin"]) {
        for (const attempt of [
          () => approveUser(db(), userId),
          () => changeUserRole(db(), userId, "viewer"),
          () => removeUser(db(), userId),
        ]) {
          const error = await refusal(attempt());
          expect(error.code).toBe("NOT_FOUND");
          expect(error.message).toBe("No such user.");
        }
      }
      expect(await everything()).toEqual(before);
    });
  });
}
