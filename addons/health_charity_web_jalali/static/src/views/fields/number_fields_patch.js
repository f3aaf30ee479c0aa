/** @odoo-module */
// Copyright 2026 Health Charity Team
// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

/**
 * Persian (۰-۹) and Arabic-Indic (٠-٩) digits typed in number fields are
 * read as numbers (for every user, whatever the calendar).
 *
 * - The "parsers" registry (search bar, domain editor...) gets wrappers
 *   that turn the digits Latin before Odoo's own parser.
 * - The number field components import their parser by name and give it to
 *   `useInputField` in a closure, out of reach of the registry: their input
 *   (the `numpadDecimal` ref) reads its value with Latin digits, so the
 *   parser, the dirty check and the save all see `500000000` while the user
 *   still sees the digits they typed. `FloatField#parse` is patched too.
 */

import { useEffect, useRef } from "@odoo/owl";
import { registry } from "@web/core/registry";
import { patch } from "@web/core/utils/patch";
import { FloatField } from "@web/views/fields/float/float_field";
import { FloatTimeField } from "@web/views/fields/float_time/float_time_field";
import { IntegerField } from "@web/views/fields/integer/integer_field";
import { MonetaryField } from "@web/views/fields/monetary/monetary_field";
import { PercentageField } from "@web/views/fields/percentage/percentage_field";
import { normalizeNumberInput, toLatinDigits } from "../../jalali";

const parsers = registry.category("parsers");

/**
 * @param {Function} parser
 * @param {(value: string) => string} normalize
 */
function withLatinDigits(parser, normalize) {
    const wrapped = (value, ...args) => parser(normalize(value), ...args);
    Object.assign(wrapped, parser);
    return wrapped;
}

for (const name of [
    "float",
    "float_time",
    "integer",
    "many2one_reference",
    "monetary",
    "percentage",
]) {
    if (parsers.contains(name)) {
        parsers.add(name, withLatinDigits(parsers.get(name), normalizeNumberInput), {
            force: true,
        });
    }
}
for (const name of ["date", "datetime"]) {
    if (parsers.contains(name)) {
        parsers.add(name, withLatinDigits(parsers.get(name), toLatinDigits), { force: true });
    }
}

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
const instrumented = new WeakSet();

/**
 * Makes `input.value` return Latin digits (the displayed text is untouched).
 *
 * @param {HTMLInputElement} input
 */
export function readLatinDigits(input) {
    if (!input || instrumented.has(input) || !(input instanceof HTMLInputElement)) {
        return;
    }
    instrumented.add(input);
    Object.defineProperty(input, "value", {
        configurable: true,
        enumerable: true,
        get() {
            return normalizeNumberInput(nativeValue.get.call(this));
        },
        set(value) {
            nativeValue.set.call(this, value);
        },
    });
}

/**
 * @param {string} [refName="numpadDecimal"] the input of the field
 */
export function useLatinDigitsInput(refName = "numpadDecimal") {
    const ref = useRef(refName);
    useEffect(
        (input) => readLatinDigits(input),
        () => [ref.el]
    );
    return ref;
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
        setup() {
            super.setup(...arguments);
            useLatinDigitsInput();
        },
    });
}

patch(FloatField.prototype, {
    parse(value) {
        return super.parse(normalizeNumberInput(value));
    },
});
