"""VMware's Python SDK (pyvmomi) against a vCenter: log in, walk the VM inventory with a ContainerView and the
PropertyCollector (paged), call the CryptoManagerKmip and SPBM methods the product uses, decode every answer, and print
what it read as one JSON object.

Usage: python3 pyvmomi_walk.py HOST PORT USER PASSWORD CA_FILE VM_INVENTORY_PATH
"""
import json
import ssl
import sys

from pyVim.connect import Disconnect, SmartConnect
from pyVim.task import WaitForTask
from pyVmomi import SoapStubAdapter, VmomiSupport, pbm, vim, vmodl

host, port, user, password, ca, vm_path = sys.argv[1:7]
context = ssl.create_default_context(cafile=ca)
si = SmartConnect(host=host, port=int(port), user=user, pwd=password, sslContext=context)
observed = {}
try:
    content = si.RetrieveContent()
    observed["about"] = content.about.apiType + " " + content.about.apiVersion
    observed["time"] = si.CurrentTime() is not None

    view = content.viewManager.CreateContainerView(content.rootFolder, [vim.VirtualMachine], True)
    collector = vmodl.query.PropertyCollector
    spec = collector.FilterSpec(
        objectSet=[collector.ObjectSpec(obj=view, skip=True, selectSet=[
            collector.TraversalSpec(name="view", type=vim.view.ContainerView, path="view", skip=False)])],
        propSet=[collector.PropertySpec(type=vim.VirtualMachine, pathSet=[
            "name", "runtime.powerState", "config.keyId", "config.hardware.device", "snapshot",
            "config.changeVersion"])])
    page = content.propertyCollector.RetrievePropertiesEx([spec], collector.RetrieveOptions(maxObjects=7))
    vms, pages = [], 0
    while page is not None:
        pages += 1
        for found in page.objects:
            props = {p.name: p.val for p in found.propSet}
            disks = [d for d in props.get("config.hardware.device", []) if isinstance(d, vim.vm.device.VirtualDisk)]
            vms.append({"name": props["name"], "power": props["runtime.powerState"], "disks": len(disks),
                        "encrypted": props.get("config.keyId") is not None})
        page = content.propertyCollector.ContinueRetrievePropertiesEx(page.token) if page.token else None
    view.DestroyView()
    observed["vms"] = len(vms)
    observed["pages"] = pages
    observed["first vm"] = sorted(vms, key=lambda vm: vm["name"])[0]
    observed["vm by path"] = content.searchIndex.FindByInventoryPath(vm_path).name

    crypto = content.cryptoManager
    clusters = crypto.ListKmipServers()
    observed["key providers"] = [cluster.clusterId.id for cluster in clusters]
    provider = clusters[0].clusterId
    observed["default provider"] = crypto.GetDefaultKmsCluster().id
    observed["active"] = crypto.IsKmsClusterActive(provider)
    task = crypto.RetrieveKmipServersStatus_Task([clusters[0]])
    WaitForTask(task)
    observed["status"] = task.info.result[0].overallStatus
    observed["client certificate"] = crypto.RetrieveClientCert(provider).startswith("-----BEGIN CERTIFICATE-----")
    generated = crypto.GenerateKey(provider)
    observed["generate key"] = generated.success
    statuses = crypto.QueryCryptoKeyStatus([generated.keyId], 1)
    observed["key status"] = [status.keyAvailable for status in statuses] + [statuses[0].reason]

    stub = SoapStubAdapter(host=host, port=int(port), path="/pbm", version="pbm.version.version11",
                           sslContext=context, requestContext={"vcSessionCookie": si._stub.cookie.split('"')[1]})
    pbm_content = pbm.ServiceInstance("ServiceInstance", stub).RetrieveContent()
    profiles = pbm_content.profileManager.PbmQueryProfile(
        resourceType=pbm.profile.ResourceType(resourceType="STORAGE"), profileCategory="REQUIREMENT")
    observed["policies"] = sorted(p.name for p in pbm_content.profileManager.PbmRetrieveContent(profiles))
finally:
    Disconnect(si)

print(json.dumps(observed, sort_keys=True, default=str))
