/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Persian digits for numbers shown in the web client, when the user's
 * language asks for them ("Persian Digits" on the language, see
 * `native_digits_mode.js`):
 *
 * - the "formatters" registry (list cells and totals, group rows, pivot,
 *   graph tooltips, kanban) gets wrappers around Odoo's number formatters;
 * - the number field components (integer, float, monetary, percentage,
 *   float time) format their value with formatters imported by name, out
 *   of reach of the registry: their `formattedValue` is patched.
 *
 * Dates follow in `l10n/dates_patch.js`. Typing is unaffected (Persian,
 * Arabic-Indic and Latin digits are all read, `number_fields_patch.js`).
 */

import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { FloatField } from "@web/views/fields/float/float_field";
import { FloatTimeField } from "@web/views/fields/float_time/float_time_field";
import { IntegerField } from "@web/views/fields/integer/integer_field";
import { MonetaryField } from "@web/views/fields/monetary/monetary_field";
import { PercentageField } from "@web/views/fields/percentage/percentage_field";
import { toDisplayDigits } from "../../native_digits_mode";

const formatters = registry.category("formatters");

/**
 * @param {Function} formatter
 */
function withDisplayDigits(formatter) {
    const wrapped = (...args) => toDisplayDigits(formatter(...args));
    // keeps `extractOptions` and the like
    Object.assign(wrapped, formatter);
    return wrapped;
}

export const NUMBER_FORMATTERS = [
    "float",
    "float_factor",
    "float_time",
    "integer",
    "monetary",
    "percentage",
];

for (const name of NUMBER_FORMATTERS) {
    if (formatters.contains(name)) {
        formatters.add(name, withDisplayDigits(formatters.get(name)), { force: true });
    }
}

for (const FieldComponent of [
    FloatField,
    FloatTimeField,
    IntegerField,
    MonetaryField,
    PercentageField,
]) {
    // one extension object per class: `super` is bound to its patch
    patch(FieldComponent.prototype, {
        get formattedValue() {
            return toDisplayDigits(super.formattedValue);
        },
    });
}
