/** No side panel unless a run is opened from the board. */
export default function NoPanel() {
  return null;
}
