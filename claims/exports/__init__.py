"""What the desk writes for others to read: schema.org ClaimReview (claimreview.py) and the queue
as CSV (queue_csv.py). Serialisation only: the views serve them, the services decide."""
