"""Carrying a finished message to people: e-mail over SMTP and chat incoming webhooks.

Nothing here knows the data or the texts: callers hand over subject, text and addresses, and get
back an ``Outcome`` (delivered or not, after how many attempts, why). Failures are retried with
backoff (``notify.retry``) and always returned, never swallowed.
"""
