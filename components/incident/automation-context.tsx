"use client";

import { createContext, useContext } from "react";

/** What the signed-in user may do with automated and dangerous steps. */
export interface AutomationPermissions {
  userId: string;
  canExecute: boolean;
  canApprove: boolean;
  canConfigure: boolean;
}

const NONE: AutomationPermissions = { userId: "", canExecute: false, canApprove: false, canConfigure: false };

export const AutomationContext = createContext<AutomationPermissions>(NONE);

export function useAutomationPermissions(): AutomationPermissions {
  return useContext(AutomationContext);
}
