# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The write policy of every Health Charity model.

Three rules, declared once per model and enforced in ``create`` and
``write`` for every caller that is not our own code (RPC, the web client,
imports):

1. **Protected fields** are never written by a client: the status field,
   stored computes and related fields (totals, a line's value, a donor's
   giving total...), and the read-only links set by the workflow
   (``move_id``, ``consolidation_id``...). They are found from the field
   declarations (``readonly=True``, ``compute``/``related`` without
   ``readonly=False``), so a new field is covered without new code.
2. **Records stay in their unit**: ``company_id`` and the parent link of a
   child record (a line's gift, a visit's delegation) cannot change after
   creation.
3. **Per-status write policy** (:meth:`_hc_get_write_policy`): which of
   the model's own fields users may change in each status; what is
   submitted, approved or posted is locked, the work that follows approval
   (visits, milestones, notes) is not.

Our own code changes protected values inside :func:`hc_internal` (a Python
context variable, which no RPC caller can set) and the status only through
:meth:`_hc_set_state`. No context key sent by a caller relaxes any of it:
``default_<field>`` keys of protected fields are dropped at creation.
"""

import contextvars
import functools
from contextlib import contextmanager

from odoo import api, models, tools
from odoo.exceptions import AccessError, UserError

# Set while our own transitions run. A Python context variable, not an Odoo
# context key: RPC callers can forge context keys (such as the OCA mixin's
# ``skip_validation_check``) but cannot set this.
_HC_INTERNAL = contextvars.ContextVar("hc_approval_internal", default=False)


@contextmanager
def hc_internal():
    token = _HC_INTERNAL.set(True)
    try:
        yield
    finally:
        _HC_INTERNAL.reset(token)


def hc_is_internal():
    return _HC_INTERNAL.get()


def hc_transition(method):
    """Decorate the action methods that move a record's status: only they
    (and the approval flow) may write the state field."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        with hc_internal():
            return method(self, *args, **kwargs)

    return wrapper


ALL = "__all__"
# Addons whose fields the per-status policy governs (fields of mail,
# tier.validation... follow their own rules).
HC_MODULES = ("health_charity", "health_charity_reports")

# Set only by _hc_set_state: the one code path allowed to write a status.
_HC_STATE_WRITE = contextvars.ContextVar("hc_state_write", default=False)


@contextmanager
def _hc_state_write():
    token = _HC_STATE_WRITE.set(True)
    try:
        yield
    finally:
        _HC_STATE_WRITE.reset(token)


class HcIntegrityMixin(models.AbstractModel):
    _name = "hc.integrity.mixin"
    # every Health Charity model writes its notes in its readers' language
    _inherit = ["hc.mail.mixin"]
    _description = "Health Charity Write Policy"

    # Path to the status that governs the policy (a line follows its gift).
    _hc_policy_state_path = None
    # Parent link of a child record: fixed at creation.
    _hc_parent_field = None
    # False for records only our code creates (snapshot lines...).
    _hc_client_create = True

    # ------------------------------------------------------------ policy
    @api.model
    def _hc_get_write_policy(self):
        """Override point: ``{status: fields users may write | ALL}``.
        A status not named allows nothing. Without a status field the
        default allows every unprotected field."""
        return {False: ALL}

    @api.model
    def _hc_get_extra_protected_fields(self):
        """Override point: fields protected although they are not read-only
        in their declaration."""
        return set()

    @api.model
    def _hc_get_create_filled_fields(self):
        """Override point: protected fields our own ``create`` always fills
        (a reference from the sequence), whatever the client sent."""
        return set()

    @api.model
    @tools.ormcache()
    def _hc_get_protected_fields(self):
        """Fields no client writes, in any status (cached per model: the
        field declarations do not change while the registry lives)."""
        protected = set(self._hc_get_extra_protected_fields())
        state_field = self._hc_state_field_name()
        if state_field:
            protected.add(state_field)
        for name, field in self._fields.items():
            if field.inherited or name in models.MAGIC_COLUMNS:
                continue
            if field.readonly and (field.store or field.related or field.compute):
                protected.add(name)
            elif field.related and not field.inherited:
                # a related field writes its target (another record)
                protected.add(name)
        return frozenset(protected)

    @api.model
    def _hc_get_fixed_fields(self):
        """Fields set at creation that never change: the unit and the
        parent link."""
        fixed = set()
        if "company_id" in self._fields and self._fields["company_id"].store:
            fixed.add("company_id")
        if self._hc_parent_field:
            fixed.add(self._hc_parent_field)
        return fixed

    @api.model
    def _hc_state_field_name(self):
        name = getattr(self, "_state_field", None) or "state"
        field = self._fields.get(name)
        return name if field is not None and field.type == "selection" else None

    def _hc_policy_state(self):
        """The status that governs what may be written on this record."""
        self.ensure_one()
        if self._hc_policy_state_path:
            values = self.mapped(self._hc_policy_state_path)
            return values[0] if values else False
        state_field = self._hc_state_field_name()
        return self[state_field] if state_field else False

    def _hc_is_governed(self, name):
        field = self._fields.get(name)
        return field is not None and (
            name == "company_id" or getattr(field, "_module", None) in HC_MODULES
        )

    def _hc_writable_fields(self):
        """Governed fields this record accepts from a client now (for the
        write matrix and the forms)."""
        self.ensure_one()
        policy = self._hc_get_write_policy()
        allowed = policy.get(self._hc_policy_state(), ())
        blocked = self._hc_get_protected_fields() | self._hc_get_fixed_fields()
        names = [n for n in self._fields if self._hc_is_governed(n)]
        if allowed == ALL:
            return {n for n in names if n not in blocked}
        return {n for n in names if n in allowed and n not in blocked}

    # ------------------------------------------------------------- checks
    def _hc_field_labels(self, names):
        return ", ".join(
            sorted(self._fields[n]._description_string(self.env) for n in names)
        )

    @api.model
    def _hc_check_create_vals(self, vals_list):
        if self.env.su or hc_is_internal():
            return
        if not self._hc_client_create:
            raise AccessError(
                self.env._(
                    "%(model)s records are made by the application, not entered.",
                    model=self._description,
                )
            )
        protected = (
            self._hc_get_protected_fields() - self._hc_get_create_filled_fields()
        )
        state_field = self._hc_state_field_name()
        initial = self._fields[state_field].default(self) if state_field else None
        for vals in vals_list:
            forbidden = {
                name
                for name in set(vals) & protected
                if not (name == state_field and vals[name] == initial)
            }
            if forbidden:
                raise AccessError(
                    self.env._(
                        "These fields of %(model)s are set by the application "
                        "and cannot be entered: %(fields)s.",
                        model=self._description,
                        fields=self._hc_field_labels(forbidden),
                    )
                )

    def _hc_check_write_vals(self, vals):
        if self.env.su:
            return
        names = set(vals)
        state_field = self._hc_state_field_name()
        # not even our own code writes a status outside _hc_set_state
        if state_field in names and not _HC_STATE_WRITE.get():
            raise AccessError(
                self.env._(
                    "The status of %(model)s records only changes through "
                    "their buttons (submit, approve, post...).",
                    model=self._description,
                )
            )
        if hc_is_internal():
            return
        protected = names & self._hc_get_protected_fields()
        if protected:
            raise AccessError(
                self.env._(
                    "These fields of %(model)s are set by the application "
                    "and cannot be changed: %(fields)s.",
                    model=self._description,
                    fields=self._hc_field_labels(protected),
                )
            )
        fixed = names & self._hc_get_fixed_fields()
        for name in fixed:
            moved = self.filtered(lambda r, n=name: r[n].id != vals[n])
            if moved:
                raise AccessError(
                    self.env._(
                        "%(record)s cannot be moved to another %(field)s; "
                        "a manager transfers it with the Transfer button.",
                        record=moved[0].display_name,
                        field=self._fields[name]._description_string(self.env),
                    )
                )
        governed = {n for n in names if self._hc_is_governed(n)} - fixed
        if not governed:
            return
        policy = self._hc_get_write_policy()
        for rec in self:
            allowed = policy.get(rec._hc_policy_state(), ())
            if allowed == ALL:
                continue
            refused = governed - set(allowed)
            if refused:
                rec._hc_raise_locked(refused)

    def _hc_raise_locked(self, names):
        state = self._hc_policy_state()
        raise UserError(
            self.env._(
                "%(record)s is locked in its current status (%(state)s): "
                "%(fields)s can no longer be changed.",
                record=self.display_name,
                state=state or "",
                fields=self._hc_field_labels(names),
            )
        )

    @api.model
    def _hc_sanitize_context(self):
        """Drop caller-sent ``default_<field>`` keys of protected fields: a
        record is never born approved, posted or consolidated."""
        context = self.env.context
        protected = self._hc_get_protected_fields()
        drop = [
            key
            for key in context
            if key.startswith("default_") and key[8:] in protected
        ]
        if not drop:
            return self
        # a new environment, not with_context(): the keys must be dropped
        return self.with_env(
            self.env(context={k: v for k, v in context.items() if k not in drop})
        )

    # ---------------------------------------------------------------- CRUD
    @api.model_create_multi
    def create(self, vals_list):
        if not (self.env.su or hc_is_internal()):
            self = self._hc_sanitize_context()
            self._hc_check_create_vals(vals_list)
        return super().create(vals_list)

    def write(self, vals):
        self._hc_check_write_vals(vals)
        return super().write(vals)

    # ----------------------------------------------------------- transitions
    def _hc_set_state(self, state, vals=None):
        """The one method that writes a status (with the values that go with
        the move, e.g. the journal entry of a posting)."""
        state_field = self._hc_state_field_name()
        values = dict(vals or {}, **{state_field: state})
        with hc_internal(), _hc_state_write():
            return self.with_context(skip_validation_check=True).write(values)

    def _hc_transfer_company(self, company):
        """Move records to another unit (manager only, logged)."""
        if not self.env.user.has_group("health_charity.group_hc_manager"):
            raise AccessError(
                self.env._("Only a manager may transfer records to another unit.")
            )
        for rec in self:
            old = rec.company_id
            with hc_internal():
                rec.write({"company_id": company.id})
            if hasattr(rec, "message_post"):
                rec._hc_post_note(
                    lambda r, old=old: r.env._(
                        "Transferred from %(old)s to %(new)s by %(user)s.",
                        old=old.name,
                        new=r.company_id.name,
                        user=self.env.user.name,
                    )
                )
        return True
