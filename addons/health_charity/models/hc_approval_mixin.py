# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree
from psycopg2 import errors as pg_errors

from odoo import api, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL
from odoo.tools.safe_eval import safe_eval

# the internal-call guards live beside the write policy; re-exported here for
# the modules that decorate their actions with hc_transition
from .hc_integrity_mixin import (  # noqa: F401
    ALL,
    hc_internal,
    hc_is_internal,
    hc_transition,
)


class HcApprovalMixin(models.AbstractModel):
    """Multi-level approval shared by contributions, delegations, projects and
    consolidations, on top of OCA ``tier.validation``.

    The record enters ``_state_from`` (e.g. ``submitted``) and asks for
    validation. With no applicable tier definition, or once every review is
    approved, it moves to ``_hc_state_approved`` by itself; a rejected review
    moves it to ``_hc_state_rejected``. Both moves happen in
    :meth:`_hc_sync_state_with_reviews`, the single override point.

    It also closes the gaps of the OCA mixin: a user who is not a reviewer
    gets a clear error instead of a silent no-op; the requester of a review
    is never one of its reviewers (see ``tier.review``); the status only
    moves through the action methods (``hc_transition``), never through a
    plain ``write``/``create`` over RPC; the ``skip_validation_check``
    context key is ignored unless our own code sets it; reviews cannot be
    created, approved or deleted directly (see ``tier.review``).
    """

    _name = "hc.approval.mixin"
    _inherit = ["tier.validation", "hc.integrity.mixin"]
    _description = "Health Charity Approval Flow"

    _tier_validation_manual_config = False
    _state_from = ["submitted"]
    _state_to = ["approved"]
    _cancel_state = "cancelled"
    _hc_state_approved = "approved"
    _hc_state_rejected = "rejected"
    # Refuse a submission that no approval rule applies to, instead of
    # approving it at once (reopening a consolidation always needs a review).
    _hc_require_review = False

    def write(self, vals):
        # the write policy first, before the OCA mixin's own checks
        self._hc_check_write_vals(vals)
        # the OCA mixin's skip_validation_check relaxes its write guards: it
        # is honoured only when our own code set it (see hc_internal)
        if not hc_is_internal() and self.env.context.get("skip_validation_check"):
            self = self.with_context(skip_validation_check=False)
        return super().write(vals)

    def unlink(self):
        with hc_internal():
            return super().unlink()

    # ------------------------------------------ what stays editable (forms)
    @api.model
    def _hc_policy_fields(self, states):
        """Fields the write policy lets users change in one of ``states``;
        a status whose policy is ALL (the draft) adds nothing: before a
        submission the OCA mixin locks nothing anyway."""
        policy = self._hc_get_write_policy()
        names = set()
        for state in states:
            allowed = policy.get(state, ())
            if allowed != ALL:
                names |= set(allowed)
        return names - self._hc_get_protected_fields() - self._hc_get_fixed_fields()

    @api.model
    def _get_under_validation_exceptions(self):
        """While the reviews run, what the policy allows in the review
        status (a note) stays editable."""
        return list(
            set(super()._get_under_validation_exceptions())
            | self._hc_policy_fields(self._state_from)
        )

    @api.model
    def _get_after_validation_exceptions(self):
        """After approval the approved terms stay locked; the work that
        follows (visits, milestones, progress, notes), as the write policy
        declares it per status, does not."""
        after = [s for s in self._hc_get_write_policy() if s not in self._state_from]
        return list(
            set(super()._get_after_validation_exceptions())
            | self._hc_policy_fields(after)
        )

    @api.model
    def _get_all_validation_exceptions(self):
        return list(
            set(super()._get_all_validation_exceptions())
            | set(self._get_under_validation_exceptions())
            | set(self._get_after_validation_exceptions())
        )

    @api.model
    def _hc_policy_readonly_modifier(self, name, under):
        """The form's readonly modifier of a field the OCA mixin leaves
        editable: editable in the statuses whose policy allows it, and,
        unless it is an under-validation exception, not while reviews run."""
        state_field = self._hc_state_field_name()
        states = [
            state
            for state, allowed in self._hc_get_write_policy().items()
            if allowed == ALL or name in allowed
        ]
        modifier = f"{state_field} not in {states!r}"
        if name not in under:
            modifier += " or validation_status in ('waiting', 'pending')"
        return modifier

    @api.model
    def get_view(self, view_id=None, view_type="form", **options):
        """The OCA mixin makes a form read-only once reviews exist, except
        the validation exceptions; those follow the write policy per
        status, so the form offers exactly what the server accepts."""
        res = super().get_view(view_id=view_id, view_type=view_type, **options)
        if view_type != "form" or self._tier_validation_manual_config:
            return res
        doc = etree.fromstring(res["arch"])
        under = set(self._get_under_validation_exceptions())
        governed = self._hc_policy_fields(self._hc_get_write_policy())
        for node in doc.xpath("//field[@name][not(ancestor::field)]"):
            name = node.get("name")
            if name not in governed:
                continue
            modifier = self._hc_policy_readonly_modifier(name, under)
            old = node.get("readonly")
            node.set("readonly", f"({old}) or ({modifier})" if old else modifier)
        res["arch"] = etree.tostring(doc, encoding="unicode")
        return res

    @api.model
    def _hc_approval_model_names(self):
        """Concrete models that use this approval flow."""
        registry = self.env.registry
        return [
            name
            for name in registry.descendants(["hc.approval.mixin"], "_inherit")
            if not registry[name]._abstract
        ]

    def _hc_request_approval(self):
        """Request the reviews of records that just entered ``_state_from``;
        approve at once those no tier definition applies to."""
        # need_validation is a non-stored compute without dependencies: a
        # value cached before the submission (or before the lines changed)
        # must not decide whether reviews are requested
        self.invalidate_recordset(["need_validation"])
        for rec in self:
            with hc_internal():
                reviews = rec.request_validation()
            if not reviews and not rec.review_ids:
                if rec._hc_require_review:
                    raise UserError(
                        self.env._(
                            "No approval rule applies to %(record)s: ask a "
                            "manager to define who approves it.",
                            record=rec.display_name,
                        )
                    )
                rec._hc_on_approved()
        return True

    def _hc_sync_state_with_reviews(self):
        for rec in self:
            if rec[rec._state_field] not in rec._state_from:
                continue
            if rec.validation_status == "validated":
                rec._hc_on_approved()
            elif rec.validation_status == "rejected":
                rec._hc_on_rejected()

    @hc_transition
    def _hc_on_approved(self):
        """Override point: what approval does (default: move the state)."""
        # need_validation is a non-stored compute without dependencies: its
        # value cached before the reviews existed must not be reused.
        self.invalidate_recordset(["need_validation"])
        # sudo: the reviewer's right to approve comes from the review
        # (checked in _hc_check_can_review), not from write access to the
        # record; sudo() keeps the reviewer as the author of the change.
        self.sudo()._hc_set_state(self._hc_state_approved)

    @hc_transition
    def _hc_on_rejected(self):
        """Override point: what rejection does (default: move the state)."""
        # sudo: as in _hc_on_approved, the review grants the right
        self.sudo()._hc_set_state(self._hc_state_rejected)

    def _compute_next_review(self):
        """The banner of a record under review names who must approve it
        (the reviewers of the pending tier), not only the rule."""
        res = super()._compute_next_review()
        for rec in self:
            # the open reviews of the lowest sequence: the current turn (the
            # OCA mixin moves them from "waiting" to "pending" lazily)
            open_reviews = rec.review_ids.filtered(
                lambda r: r.status in ("waiting", "pending")
            )
            if not open_reviews:
                continue
            turn = min(open_reviews.mapped("sequence"))
            review = open_reviews.filtered(lambda r, t=turn: r.sequence == t)
            # sudo: the names of the reviewers are shown to whoever reads the
            # record; users of another unit may not read each other
            names = ", ".join(sorted(review.sudo().reviewer_ids.mapped("name")))
            rec.next_review = self.env._(
                "Next: %(rule)s, to be approved by %(reviewers)s",
                rule=", ".join(n for n in review.mapped("name") if n),
                reviewers=names or self.env._("nobody yet (ask a manager)"),
            )
        return res

    # ------------------------------------------------- review notifications
    # The OCA mixin writes these messages in the acting user's language,
    # with terms it ships no Persian for; ours are written in the language
    # of the people they tell (hc.mail.mixin), with terms of this addon.
    def _hc_review_readers(self):
        """Who a review notification tells: the reviewers of the open
        reviews when there are, else the followers other than the author."""
        # sudo: the notified people's language, whoever acts
        record = self.sudo()
        readers = record.review_ids.filtered(
            lambda r: r.status in ("waiting", "pending")
        ).reviewer_ids.partner_id
        if not readers and "message_partner_ids" in record._fields:
            readers = record.message_partner_ids
        return readers - self.env.user.partner_id

    def _hc_review_comment(self):
        """The comment the acting reviewer left on their review, if any."""
        reviews = self.review_ids.filtered(
            lambda r: self.env.user in r.reviewer_ids and r.comment
        )
        return reviews[:1].comment

    def _notify_created_review_body(self):
        reader = self._hc_for_readers(self._hc_review_readers())
        return reader.env._(
            "A record to be reviewed has been created by %s.", self.env.user.name
        )

    def _notify_requested_review_body(self):
        reader = self._hc_for_readers(self._hc_review_readers())
        return reader.env._("A review has been requested by %s.", self.env.user.name)

    def _notify_accepted_reviews_body(self):
        reader = self._hc_for_readers(self._hc_review_readers())
        comment = self._hc_review_comment()
        if comment:
            return reader.env._(
                "A review was accepted by %(user)s. (%(comment)s)",
                user=self.env.user.name,
                comment=comment,
            )
        return reader.env._("A review was accepted by %s.", self.env.user.name)

    def _notify_rejected_review_body(self):
        reader = self._hc_for_readers(self._hc_review_readers())
        comment = self._hc_review_comment()
        if comment:
            return reader.env._(
                "A review was rejected by %(user)s. (%(comment)s)",
                user=self.env.user.name,
                comment=comment,
            )
        return reader.env._("A review was rejected by %s.", self.env.user.name)

    def _notify_restarted_review_body(self):
        reader = self._hc_for_readers(self._hc_review_readers())
        return reader.env._("The review has been reset by %s.", self.env.user.name)

    @api.model
    def _hc_action_all_units(self, xmlid):
        """The window action ``xmlid`` opened on every unit the user may use
        (the current one first), whatever the company switcher shows: a
        review inbox never hides work waiting in another hospital."""
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        companies = self.env.company | self.env.user.company_ids
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"uid": self.env.uid})
        # hc_all_units: the web client keeps these companies over the
        # switcher's for this action (static/src/js/search_model_patch.js)
        action["context"] = dict(
            context, allowed_company_ids=companies.ids, hc_all_units=True
        )
        return action

    def _hc_reset_reviews(self):
        """Drop the reviews of records going back to draft or cancelled: a
        new submission asks for a new approval."""
        with hc_internal():
            self.mapped("review_ids").unlink()

    def _hc_demo_review_as(self, user_xmlid, approve=True):
        """Demo data only (private, not callable over RPC): review as the
        given demo user."""
        user = self.env.ref(user_xmlid)
        for rec in self.with_user(user).filtered("can_review"):
            if approve:
                rec.validate_tier()
            else:
                rec.reject_tier()
        return True

    def _hc_demo_call_as(self, user_xmlid, method):
        """Demo data only (private, not callable over RPC): run one of the
        record's actions (``action_submit``...) as the given demo user, so
        that the demo's requests carry an office member, not OdooBot."""
        user = self.env.ref(user_xmlid)
        getattr(self.with_user(user), method)()
        return True

    def _hc_check_can_review(self):
        for rec in self:
            if rec[rec._state_field] not in rec._state_from:
                raise UserError(
                    self.env._(
                        "%(record)s is not waiting for a review.",
                        record=rec.display_name,
                    )
                )
            if not rec.can_review:
                raise UserError(
                    self.env._(
                        "You are not a reviewer of %(record)s, or it is not "
                        "your turn to review it. Requesters never approve "
                        "their own records.",
                        record=rec.display_name,
                    )
                )

    def _hc_lock_rows(self):
        """Row locks against a concurrent review of the same records: the
        second reviewer gets a clear message instead of a retry storm."""
        if not self.ids:
            return
        try:
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM %s WHERE id IN %s FOR UPDATE NOWAIT",
                    SQL.identifier(self._table),
                    tuple(self.ids),
                )
            )
        except pg_errors.LockNotAvailable as e:
            raise UserError(
                self.env._(
                    "Another user is reviewing or changing this record right "
                    "now. Reload and try again."
                )
            ) from e

    def validate_tier(self):
        self._hc_lock_rows()
        self._hc_check_can_review()
        with hc_internal():
            return super().validate_tier()

    def reject_tier(self):
        self._hc_lock_rows()
        self._hc_check_can_review()
        with hc_internal():
            return super().reject_tier()

    def _hc_check_review_call(self, tiers):
        """``_validate_tier``/``_rejected_tier`` are also reached from the OCA
        comment wizard, with reviews the caller chose: only the current
        reviewer's reviews of this very record count."""
        if hc_is_internal():
            return tiers
        self._hc_lock_rows()
        self._hc_check_can_review()
        return (tiers or self.review_ids) & self.review_ids

    def _validate_tier(self, tiers=False):
        tiers = self._hc_check_review_call(tiers)
        with hc_internal():
            res = super()._validate_tier(tiers=tiers)
            self._hc_sync_state_with_reviews()
        return res

    def _rejected_tier(self, tiers=False):
        tiers = self._hc_check_review_call(tiers)
        with hc_internal():
            res = super()._rejected_tier(tiers=tiers)
            self._hc_sync_state_with_reviews()
        return res

    def _hc_check_internal_call(self):
        if not hc_is_internal():
            raise AccessError(
                self.env._(
                    "Reviews of %(model)s are requested by submitting the "
                    "record and restarted by resetting it to draft.",
                    model=self._description,
                )
            )

    def request_validation(self):
        # public in the OCA mixin (callable over RPC on any readable record)
        self._hc_check_internal_call()
        return super().request_validation()

    def restart_validation(self):
        self._hc_check_internal_call()
        return super().restart_validation()
