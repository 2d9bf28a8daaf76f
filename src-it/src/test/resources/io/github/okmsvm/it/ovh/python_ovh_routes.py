"""OVHcloud's own Python client (python-ovh) on the routes the product calls, printed as one JSON object.

Usage: python3 python_ovh_routes.py API_BASE TOKEN_URL PCC application-key|oauth2
The credentials come from the environment as OVHcloud's tools read them: OVH_APPLICATION_KEY,
OVH_APPLICATION_SECRET and OVH_CONSUMER_KEY, or OVH_CLIENT_ID and OVH_CLIENT_SECRET; REQUESTS_CA_BUNDLE trusts the API.
SANDBOX_APPLICATION_KEY and SANDBOX_APPLICATION_SECRET name a real application whose consumer key is then made up.
"""
import json
import os
import sys

import ovh
from ovh import client as ovh_client

api_base, token_url, pcc, auth = sys.argv[1:5]
# python-ovh knows endpoints by name: this API is registered as one more, with its OAuth2 token URL
ovh_client.ENDPOINTS["okms-test"] = api_base + "/1.0"
ovh_client.OAUTH2_TOKEN_URLS["okms-test"] = token_url
if auth == "oauth2":
    client = ovh.Client(endpoint="okms-test", client_id=os.environ["OVH_CLIENT_ID"],
                        client_secret=os.environ["OVH_CLIENT_SECRET"])
else:
    client = ovh.Client(endpoint="okms-test", application_key=os.environ["OVH_APPLICATION_KEY"],
                        application_secret=os.environ["OVH_APPLICATION_SECRET"],
                        consumer_key=os.environ["OVH_CONSUMER_KEY"])
observed = {}


def step(name, action):
    try:
        observed[name] = action()
    except ovh.exceptions.APIError as error:
        answer = error.response.json() if getattr(error, "response", None) is not None else {}
        observed[name] = "%s %s" % (type(error).__name__, (answer or {}).get("class", ""))


step("time", lambda: client.get("/auth/time", _need_auth=False) > 0)
step("me", lambda: sorted(k for k in client.get("/me") if k in ("nichandle", "ovhSubsidiary", "currency")))
step("regions", lambda: "eu-west-rbx" in [region["id"] for region in client.get("/v2/okms/reference/regions")])
resources = client.get("/v2/okms/resource")
observed["okms count"] = len(resources)
okms = resources[0]["id"]
step("okms", lambda: sorted(k for k in client.get("/v2/okms/resource/%s" % okms)
                            if k in ("id", "iam", "kmipEndpoint", "region", "restEndpoint")))
account = "urn:v1:eu:identity:account:" + client.get("/me")["nichandle"]
created = client.post("/v2/okms/resource/%s/credential" % okms, name="python-ovh", identityURNs=[account],
                      validity=30, description="conformance")
observed["credential created"] = created["status"]
step("credential listed", lambda: created["id"] in [c["id"] for c in client.get("/v2/okms/resource/%s/credential"
                                                                                 % okms)])
step("delete while creating", lambda: client.delete("/v2/okms/resource/%s/credential/%s" % (okms, created["id"])))
step("credential with a bad validity", lambda: client.post("/v2/okms/resource/%s/credential" % okms,
                                                            name="bad", identityURNs=[account], validity="soon"))
step("pcc", lambda: client.get("/dedicatedCloud/%s" % pcc)["serviceName"])
step("vm encryption", lambda: sorted(client.get("/dedicatedCloud/%s/vmEncryption" % pcc)))
step("kms entries", lambda: isinstance(client.get("/dedicatedCloud/%s/vmEncryption/kms" % pcc), list))
step("iam policies", lambda: isinstance(client.get("/v2/iam/policy"), list))
step("iam actions", lambda: any(a["action"].startswith("okms:kmip:")
                                for a in client.get("/v2/iam/reference/action", resourceType="okms")))
cart = client.post("/order/cart", ovhSubsidiary="FR", description="python-ovh conformance")
step("cart", lambda: client.get("/order/cart/%s" % cart["cartId"])["cartId"] == cart["cartId"])
step("cart with an unknown subsidiary", lambda: client.post("/order/cart", ovhSubsidiary="ZZ"))
step("delete cart", lambda: client.delete("/order/cart/%s" % cart["cartId"]))
step("orders", lambda: isinstance(client.get("/me/order"), list))
step("payment methods", lambda: isinstance(client.get("/me/payment/method"), list))
for variable in ("OVH_CLIENT_ID", "OVH_CLIENT_SECRET"):  # python-ovh also reads them: these clients sign instead
    os.environ.pop(variable, None)
unknown_consumer = ovh.Client(endpoint="okms-test", application_key=os.environ["SANDBOX_APPLICATION_KEY"],
                              application_secret=os.environ["SANDBOX_APPLICATION_SECRET"],
                              consumer_key="0" * 32)
step("unknown consumer key", lambda: unknown_consumer.get("/me"))
unknown_application = ovh.Client(endpoint="okms-test", application_key="0" * 16, application_secret="0" * 32,
                                 consumer_key="0" * 32)
step("unknown application key", lambda: unknown_application.get("/me"))
step("unknown route", lambda: client.get("/dedicatedCloud/%s/noSuchThing" % pcc))
print(json.dumps(observed, sort_keys=True))
