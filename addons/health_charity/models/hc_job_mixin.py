# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import contextmanager

from odoo import api, models
from odoo.tools import SQL


class HcJobMixin(models.AbstractModel):
    """The queue of a background job model (the contribution file imports,
    the consolidation jobs): claiming the next due job without waiting for
    one another worker holds, and putting back the jobs a worker that died
    left running. The model says which jobs are due or stale
    (:meth:`_hc_due_domain`, :meth:`_hc_stale_domain`) and what claiming or
    recovering one writes (:meth:`_hc_on_claim`, :meth:`_hc_on_stale`)."""

    _name = "hc.job.mixin"
    _description = "Health Charity Background Job"

    @api.model
    def _hc_due_domain(self):
        raise NotImplementedError

    @api.model
    def _hc_stale_domain(self):
        raise NotImplementedError

    def _hc_on_claim(self):
        """Mark the claimed job running (in the claim's transaction)."""
        raise NotImplementedError

    def _hc_on_stale(self):
        """A job a dead worker left running: queued again or failed."""
        raise NotImplementedError

    @contextmanager
    def _hc_own_transaction(self):
        """A short transaction of its own, committed at once, to write the
        job's row while the calling transaction only reads it."""
        # what this transaction wrote must reach the database first (tests
        # share one transaction between the cursors)
        self.env.flush_all()
        with self.env.registry.cursor() as cr:
            # superuser: the job's bookkeeping, whoever runs the scheduler
            yield self.with_env(self.env(cr=cr, su=True))
        self.invalidate_recordset()

    @api.model
    def _hc_claim_next(self):
        """The next due job (skipping one another worker holds), marked
        running in a committed transaction of its own."""
        with self._hc_own_transaction() as Job:
            query = Job._search(Job._hc_due_domain(), order="id", limit=1)
            Job.env.cr.execute(SQL("%s FOR UPDATE SKIP LOCKED", query.select()))
            row = Job.env.cr.fetchone()
            if not row:
                return self.browse()
            Job.browse(row[0])._hc_on_claim()
        self.invalidate_model()
        return self.browse(row[0])

    @api.model
    def _hc_recover_stale(self):
        """Jobs left running by a worker that died: each model's
        :meth:`_hc_on_stale` queues them again or fails them."""
        # sudo: every user's stale jobs, whoever runs the scheduler
        for job in self.sudo().search(self._hc_stale_domain()):
            job._hc_on_stale()
