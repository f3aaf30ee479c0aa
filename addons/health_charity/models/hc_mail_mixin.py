# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime

from odoo import api, models
from odoo.tools import format_date, formatLang

from ..tools.jalali import reads_jalali, to_jalali_str


class HcMailMixin(models.AbstractModel):
    """Texts the addons write for people to read (chatter notes,
    activities, review notifications, what the crons write) in the
    reader's language, with Jalali dates for readers of the Jalali
    calendar, whoever the acting user is: an English-speaking clerk, a
    portal user, or OdooBot running a scheduled action.

    Who the reader is:

    - an **activity**: the user it is assigned to (their language; Jalali
      dates when they use the Jalali calendar);
    - a **note on a record**: the record's office, i.e. the language of its
      unit's partner (else of the parent unit, the university; else
      English);
    - a **message that notifies people** (the reviewers of a record, the
      followers told of a decision): their language when they share one,
      else the office's. One message per language was considered and left
      out: the chatter is one thread that everyone reads, and the same
      event told twice reads as two events. Odoo already writes the
      e-mail around the message (its layout, buttons, footer) in each
      recipient's own language.

    The text is built by a ``render(record)`` callable that receives the
    record in the reader's language (``record.env._``, translated fields
    and :meth:`_hc_format_date` speak it).
    """

    _name = "hc.mail.mixin"
    _description = "Health Charity Texts in the Reader's Language"

    # ------------------------------------------------------------ readers
    @api.model
    def _hc_active_lang(self, code):
        """``code`` if it is an active language, else ``False``."""
        return code if code and self.env["res.lang"]._lang_get(code) else False

    def _hc_office_lang(self):
        """The language of the record's office: its unit's partner, else the
        parent unit's (the university), else English."""
        company = self.env.company
        if len(self) == 1 and "company_id" in self._fields and self.company_id:
            company = self.company_id
        # sudo: the language of a unit, whoever reads it (hospital users
        # may not read the university's partner)
        company = company.sudo()
        while company:
            lang = self._hc_active_lang(company.partner_id.lang)
            if lang:
                return lang
            company = company.parent_id
        return self._hc_active_lang("en_US") or self.env.lang or "en_US"

    def _hc_readers_lang(self, partners=None):
        """The language of the people a message tells: ``partners``' common
        language when they share one, else the office's."""
        langs = {
            self._hc_active_lang(lang)
            # sudo: the language of the recipients, whoever posts
            for lang in (partners or self.env["res.partner"]).sudo().mapped("lang")
        } - {False}
        if len(langs) == 1:
            return langs.pop()
        return self._hc_office_lang()

    def _hc_in_lang(self, lang, jalali=None):
        """The records as read in ``lang`` (Jalali dates for Persian, or as
        ``jalali`` says)."""
        if jalali is None:
            jalali = (lang or "").startswith("fa")
        return self.with_context(lang=lang, hc_jalali_calendar=bool(jalali))

    def _hc_for_user(self, user):
        """The records as ``user`` reads them (their language and calendar)."""
        user = user.sudo()  # sudo: a user's language and calendar preference
        lang = self._hc_active_lang(user.lang) or self._hc_office_lang()
        return self._hc_in_lang(lang, jalali=user._hc_use_jalali())

    def _hc_for_readers(self, partners=None):
        """The records as the readers of a note or message read them."""
        return self._hc_in_lang(self._hc_readers_lang(partners))

    # ------------------------------------------------------------ formats
    def _hc_format_date(self, value):
        """A date (or the day of a datetime) as the reader reads it: Jalali
        (``1404/09/06``) in the Jalali calendar, else in the language's
        date format."""
        if not value:
            return ""
        if reads_jalali(self.env):
            return to_jalali_str(value)
        if isinstance(value, datetime.datetime):
            value = value.date()
        return format_date(self.env, value)

    def _hc_format_amount(self, amount, currency=None):
        """An amount with the reader's separators (and currency)."""
        currency = currency or self.env.company.currency_id
        return formatLang(self.env, amount, currency_obj=currency)

    # ----------------------------------------------------------- posting
    def _hc_post_note(self, render, partners=None, **kwargs):
        """Post on each record the message ``render(record)`` built in its
        readers' language (see the class); ``partners`` are the people it
        tells (for the language; give ``partner_ids`` to notify them).
        Other keyword arguments go to ``message_post``."""
        messages = self.env["mail.message"]
        for rec in self:
            body = render(rec._hc_for_readers(partners))
            messages |= rec.message_post(body=body, **kwargs)
        return messages

    def _hc_schedule_activity(self, act_type_xmlid, user, render, **kwargs):
        """Schedule on each record an activity for ``user`` whose texts
        ``render(record)`` (a dict: ``summary``, ``note``) builds in the
        user's language. Other keyword arguments go to
        ``activity_schedule``."""
        activities = self.env["mail.activity"]
        for rec in self:
            vals = render(rec._hc_for_user(user))
            activities |= rec.activity_schedule(
                act_type_xmlid=act_type_xmlid, user_id=user.id, **vals, **kwargs
            )
        return activities
