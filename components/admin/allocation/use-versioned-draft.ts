"use client";

import { useState } from "react";

/**
 * A form's draft of a saved value. It starts again from the saved value once a save has moved
 * the version on, while the form itself stays mounted, so its "Saved." and its refusals outlive
 * the page refresh that brings the new version.
 */
export function useVersionedDraft<T>(saved: T, version: number): [T, (draft: T) => void] {
  const [state, setState] = useState({ version, draft: saved });
  if (state.version !== version) {
    // Adjusting state during render is React's way to follow a prop without an effect's flash.
    setState({ version, draft: saved });
    return [saved, (draft) => setState({ version, draft })];
  }
  return [state.draft, (draft) => setState((s) => ({ ...s, draft }))];
}
