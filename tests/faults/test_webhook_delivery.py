"""Webhooks with a real worker and a real receiver on 127.0.0.1: signed so that the Standard
Webhooks verifier accepts them, retried after a 500 and after a timeout, never lost when the
worker is killed in the middle of a delivery, and never sent to a loopback address unless the
worker's settings allow it."""

import os
import signal
from pathlib import Path

import pytest
from standardwebhooks.webhooks import Webhook

from claims import services
from claims.models import WebhookDelivery, WebhookEndpoint
from claims.services import webhooks
from tests.conftest import wait_for
from tests.faults.test_faults import report
from tests.webhook_receiver import Receiver

pytestmark = pytest.mark.worker

WORKER_SETTINGS = {
    "WEBHOOK_ALLOWED_NETWORKS": "127.0.0.1/32",  # the receiver is on this machine
    "WEBHOOK_TIMEOUT": "1",
    "WEBHOOK_RETRY_BASE_SECONDS": "0.3",
    "WEBHOOK_STALE_SECONDS": "2",
}


@pytest.fixture
def receiver(settings):
    settings.WEBHOOK_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.WEBHOOK_STALE_SECONDS = 2
    receiver = Receiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def workers(start_worker):
    def start(name, pool="solo", **env):
        return start_worker(name, pool=pool, **{**WORKER_SETTINGS, **env})

    return start


@pytest.fixture
def endpoint(receiver, alice):
    return webhooks.register_endpoint(
        actor=alice, url=receiver.url, events=[WebhookEndpoint.Event.CLAIM_STATE_CHANGED]
    )


def delivered(delivery, worker, timeout=30):
    return wait_for(
        lambda: WebhookDelivery.objects.filter(pk=delivery.pk, status="succeeded").first(),
        timeout=timeout,
        message=f"delivery {delivery.pk}\n{worker.output()[-3000:]}",
    )


def test_a_state_change_reaches_the_receiver_signed(workers, endpoint, receiver, claim, alice, bob):
    worker = workers("signed")
    services.assign_claim(claim, bob, actor=alice)
    delivery = WebhookDelivery.objects.get()
    done = delivered(delivery, worker)
    (got,) = receiver.received
    payload = Webhook(endpoint.secret).verify(got.body, got.headers)
    assert payload["type"] == "claim.state_changed"
    assert payload["data"]["claim"]["id"] == claim.pk
    assert got.headers["webhook-id"] == delivery.message_id
    assert (done.attempts, done.last_status_code) == (1, 200)


def test_a_500_is_retried(workers, endpoint, receiver, alice):
    receiver.script = [500]
    worker = workers("retry-500")
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    done = delivered(delivery, worker)
    assert done.attempts == 2
    ids = {r.headers["webhook-id"] for r in receiver.received}
    assert len(receiver.received) == 2 and ids == {delivery.message_id}
    for got in receiver.received:
        Webhook(endpoint.secret).verify(got.body, got.headers)


def test_a_timeout_is_retried(workers, endpoint, receiver, alice):
    receiver.script = [("sleep", 3)]  # longer than the worker's WEBHOOK_TIMEOUT of 1 s
    worker = workers("retry-timeout")
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    done = delivered(delivery, worker)
    assert done.attempts == 2 and done.last_status_code == 200
    assert len(receiver.received) == 2


def test_a_worker_killed_mid_delivery_loses_nothing(workers, endpoint, receiver, alice):
    receiver.script = ["hang"]
    doomed = workers("doomed")
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    assert receiver.arrived.wait(30), doomed.output()[-3000:]
    doomed.process.send_signal(signal.SIGKILL)  # the OOM killer, a lost machine
    doomed.process.wait(timeout=10)
    delivery.refresh_from_db()
    assert delivery.status == "sending"

    # Its message died with it (the filesystem broker never gives it back; Redis only after its
    # visibility timeout): once the run is silent, the sweeper sends the delivery again.
    rescuer = workers("rescuer")
    wait_for(lambda: webhooks.stale_deliveries().exists(), timeout=10, message="silence")
    assert webhooks.requeue_stale_deliveries() == 1
    done = delivered(delivery, rescuer)
    assert done.attempts == 2
    assert [r.headers["webhook-id"] for r in receiver.received] == [delivery.message_id] * 2
    report("webhook-worker-killed", deliveries=1, lost=0, attempts=done.attempts)


def _pool_child(worker):
    parent = worker.process.pid
    children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    return int(children[0])


def test_a_pool_process_killed_mid_delivery_is_redelivered(workers, endpoint, receiver, alice):
    receiver.script = ["hang"]
    worker = workers("prefork", pool="prefork")
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    assert receiver.arrived.wait(30), worker.output()[-3000:]
    os.kill(_pool_child(worker), signal.SIGKILL)
    # acks late + reject on worker lost: the message goes back and the same run resumes it.
    done = delivered(delivery, worker)
    assert done.attempts == 2 and len(receiver.received) == 2


def test_a_worker_that_does_not_allow_loopback_sends_nothing_there(
    workers, endpoint, receiver, alice
):
    worker = workers("strict", WEBHOOK_ALLOWED_NETWORKS="", WEBHOOK_MAX_ATTEMPTS="1")
    delivery = webhooks.send_test_event(endpoint, actor=alice)
    failed = wait_for(
        lambda: WebhookDelivery.objects.filter(pk=delivery.pk, status="failed").first(),
        timeout=30,
        message=worker.output()[-3000:],
    )
    assert "is a loopback address (this machine)" in failed.last_error
    assert receiver.received == []
