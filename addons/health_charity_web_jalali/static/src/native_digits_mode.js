/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Whether the web client shows numbers with Persian digits (۰-۹): the
 * "Persian Digits" option of the user's language (`res.lang`), which the
 * server puts in the user context as `hc_native_digits` (see
 * `ir.http.session_info`). Display only: what is typed is read in any
 * digits, and the server and RPC stay Latin.
 */

import { user } from "@web/core/user";
import { toPersianDigits } from "./jalali";

let forcedMode = null;
let userMode = null;

/**
 * @returns {boolean}
 */
export function isNativeDigitsActive() {
    if (forcedMode !== null) {
        return forcedMode;
    }
    if (userMode === null) {
        userMode = Boolean((user.context || {}).hc_native_digits);
    }
    return userMode;
}

/**
 * Forces the mode (`true`/`false`) or goes back to the user's (`null`).
 * Meant for tests.
 *
 * @param {boolean | null} mode
 */
export function setNativeDigitsMode(mode) {
    forcedMode = mode;
    userMode = null;
}

/**
 * A text for display: its Latin digits in Persian when the option is on.
 * Anything but a string (a raw number given to an `<input type="number">`,
 * `false`...) is returned as is.
 *
 * @template T
 * @param {T} value
 * @returns {T | string}
 */
export function toDisplayDigits(value) {
    if (typeof value !== "string" || !isNativeDigitsActive()) {
        return value;
    }
    return toPersianDigits(value);
}
