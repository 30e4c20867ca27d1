/** The board itself: no side panel over it (a client navigation back to `/` closes any). */
export default function NoPanel() {
  return null;
}
