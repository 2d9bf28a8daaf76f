"""The KMIP 1.x lifecycle with PyKMIP's own client, printed as one JSON object of observations.

Usage: python3 kmip_lifecycle.py HOST PORT CLIENT_CERT CLIENT_KEY CA [--rekey]
Each step records what the server answered: a value, or the name of the KMIP result reason it failed with.
"""
import json
import sys

from kmip import enums
from kmip.core.factories import attributes
from kmip.pie import objects
from kmip.pie.client import ProxyKmipClient
from kmip.pie.exceptions import KmipOperationFailure

host, port, cert, key, ca = sys.argv[1:6]
observed = {}


def step(name, action):
    try:
        observed[name] = action()
    except KmipOperationFailure as failure:
        observed[name] = "failed: " + failure.reason.name


def state(client, uid):
    found = client.get_attributes(uid, ["State"])[1]
    return [a.attribute_value.value.name for a in found if a.attribute_name.value == "State"][0]


client = ProxyKmipClient(hostname=host, port=int(port), cert=cert, key=key, ca=ca, config_file="/dev/null",
                         kmip_version=enums.KMIPVersion.KMIP_1_2)
with client:
    uid = client.create(enums.CryptographicAlgorithm.AES, 256, name="lifecycle-key")
    observed["create"] = "ok"
    step("state after create", lambda: state(client, uid))
    step("get", lambda: "%s %d bits, %d bytes" % (client.get(uid).cryptographic_algorithm.name,
                                                  client.get(uid).cryptographic_length, len(client.get(uid).value)))
    name = attributes.AttributeFactory().create_attribute(enums.AttributeType.NAME, "lifecycle-key")
    step("locate by name", lambda: client.locate(attributes=[name]) == [uid])
    step("activate", lambda: client.activate(uid) or "ok")
    step("activate again", lambda: client.activate(uid) or "ok")
    step("state after activate", lambda: state(client, uid))
    step("destroy while active", lambda: client.destroy(uid) or "ok")
    if "--rekey" in sys.argv:
        step("rekey", lambda: client.rekey(uid=uid) != uid)
    step("revoke", lambda: client.revoke(enums.RevocationReasonCode.CESSATION_OF_OPERATION, uid) or "ok")
    step("state after revoke", lambda: state(client, uid))
    step("destroy", lambda: client.destroy(uid) or "ok")
    step("get after destroy", lambda: client.get(uid) and "ok")
    secret = objects.SecretData(b"s3cr3t-value", enums.SecretDataType.PASSWORD)
    secret_id = client.register(secret)
    step("register and get secret data", lambda: client.get(secret_id).value == b"s3cr3t-value")
    step("create DES", lambda: client.create(enums.CryptographicAlgorithm.DES, 56) and "ok")

print(json.dumps(observed, sort_keys=True))
