/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Whether the current user sees the Jalali calendar: the server puts
 * `hc_jalali_calendar` in the user context (Persian language or the
 * "Jalali Calendar" preference, see `ir.http.session_info`).
 */

import { user } from "@web/core/user";

let forcedMode = null;
let userMode = null;

/**
 * @returns {boolean}
 */
export function isJalaliActive() {
    if (forcedMode !== null) {
        return forcedMode;
    }
    if (userMode === null) {
        const context = user.context || {};
        userMode =
            "hc_jalali_calendar" in context
                ? Boolean(context.hc_jalali_calendar)
                : Boolean(user.lang && user.lang.startsWith("fa"));
    }
    return userMode;
}

/**
 * Forces the mode (`true`/`false`) or goes back to the user's (`null`).
 * Meant for tests.
 *
 * @param {boolean | null} mode
 */
export function setJalaliMode(mode) {
    forcedMode = mode;
    userMode = null;
}
