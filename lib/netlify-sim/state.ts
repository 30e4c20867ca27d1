import { SimClock } from "./clock";
import { SimRandom } from "./random";
import { seedAccount, seedDemo } from "./seed";
import { SimStore } from "./store";

export type SeedName = "demo" | "empty";

export interface SimStateOptions {
  token: string;
  seed: SeedName;
  speed: number;
  randomSeed: number;
  /** The demo seed's simulated team keeps working (the demo); tests that count runners turn it off. */
  team: boolean;
}

/** A fresh world: `demo` has the demo account with its sites and runners, `empty` only the account. */
export function createSimState(options: SimStateOptions): SimStore {
  const store = new SimStore(new SimClock(options.speed), new SimRandom(options.randomSeed));
  if (options.seed === "demo") seedDemo(store, options);
  else seedAccount(store, { token: options.token });
  return store;
}
