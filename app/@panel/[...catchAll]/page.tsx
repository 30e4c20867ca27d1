/** Leaving a run for any other page closes its side panel. */
export default function NoPanel() {
  return null;
}
