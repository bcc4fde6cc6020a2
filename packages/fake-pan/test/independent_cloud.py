"""Shares, copy, offline download and direct links, as the independent client sees them.

Written from the API reference only (§5.5, §6, §8.3, §9); see independent_client.py.
"""
import hashlib
import http.server
import os
import re
import threading
import time
import urllib.error
import urllib.parse
import uuid

from independent_http import FOLDER_NAME, call, fail, fetch, list_all, ok


def fetch_status(url):
    """HTTP status of a GET, without raising on 4xx."""
    try:
        status, _, body = fetch(url)
        return status, body
    except urllib.error.HTTPError as e:
        return e.code, b""


def refused(env, what):
    if env["code"] == 0 or env["data"] is not None or not env["message"]:
        fail(f"{what}: expected a non-zero code with a message and data null, got {env}")
    return env["code"]


def shares(folder, file_id):
    """§6.1-§6.3: create, cursor list, change traffic."""
    made = []
    for i in range(3):
        data = ok("POST", "/api/v1/share/create", body={
            "shareName": f"indep share {i}", "shareExpire": 7, "fileIDList": f"{folder},{file_id}",
            "sharePwd": "ab12" if i == 0 else "", "trafficSwitch": 2})
        if not isinstance(data.get("shareID"), int) or not isinstance(data.get("shareKey"), str):
            fail(f"share/create answer: {data}")
        made.append(data["shareID"])
    for body, what in (
        ({"shareName": "x", "shareExpire": 2, "fileIDList": str(file_id)}, "expiry 2"),
        ({"shareName": "x", "shareExpire": 7, "fileIDList": ",".join([str(file_id)] * 101)}, "101 ids"),
        ({"shareName": "x", "shareExpire": 7, "fileIDList": "987654321"}, "unknown id"),
        ({"shareName": "x" * 35, "shareExpire": 7, "fileIDList": str(file_id)}, "35-character name"),
    ):
        refused(call("POST", "/api/v1/share/create", body=body), "share/create with " + what)
    listed, last, pages = [], 0, 0
    while True:
        data = ok("GET", "/api/v1/share/list", query={"limit": 1, "lastShareId": last})
        listed += data["shareList"]
        pages += 1
        if data["lastShareId"] == -1:
            break
        last = data["lastShareId"]
    mine = [s for s in listed if s["shareId"] in made]
    if [s["shareId"] for s in mine] != made:
        fail(f"share list does not show the new shares in order: {listed}")
    keys = {"shareId", "shareKey", "shareName", "expiration", "expired", "sharePwd", "trafficSwitch",
            "trafficLimitSwitch", "trafficLimit", "bytesCharge", "previewCount", "downloadCount", "saveCount"}
    for s in mine:
        if not keys <= set(s) or not re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", s["expiration"]) or s["expired"] != 0:
            fail(f"ShareInfo shape: {s}")
    if mine[0]["sharePwd"] != "ab12" or mine[0]["trafficSwitch"] != 2:
        fail(f"share fields not kept: {mine[0]}")
    if ok("PUT", "/api/v1/share/list/info", body={"shareIdList": made, "trafficSwitch": 4,
                                                   "trafficLimitSwitch": 2, "trafficLimit": 2048}) is not None:
        fail("share/list/info should answer data null")
    changed = [s for s in ok("GET", "/api/v1/share/list", query={"limit": 100})["shareList"] if s["shareId"] in made]
    if any((s["trafficSwitch"], s["trafficLimitSwitch"], s["trafficLimit"]) != (4, 2, 2048) for s in changed):
        fail(f"traffic change not applied: {changed}")
    print(f"shares ok ({len(made)} made, listed over {pages} pages, traffic changed)")


def copies(folder, file_id):
    """§5.5: copy one file synchronously, a folder asynchronously with progress."""
    target = ok("POST", "/upload/v1/file/mkdir", body={"name": "copies", "parentID": folder})["dirID"]
    data = ok("POST", "/api/v1/file/copy", body={"fileId": file_id, "targetDirId": target})
    new_id = data.get("targetFileId", data.get("targetFileID"))
    if not isinstance(new_id, int) or new_id == file_id:
        fail(f"file/copy answer: {data}")
    sub = ok("POST", "/upload/v1/file/mkdir", body={"name": "sub", "parentID": folder})["dirID"]
    ok("POST", "/api/v1/file/copy", body={"fileId": file_id, "targetDirId": sub})
    task = ok("POST", "/api/v1/file/async/copy", body={"fileIds": [sub], "targetDirId": target})["taskId"]
    for _ in range(60):
        status = ok("GET", "/api/v1/file/async/copy/process", query={"taskId": task})["status"]
        if status == 2:
            break
        if status == 3 or status not in (0, 1):
            fail(f"async copy status {status}")
        time.sleep(1)
    else:
        fail("async copy never finished")
    names = {i["filename"]: i for i in list_all(target)}
    if set(names) != {"forty-again.bin", "sub"} or names["sub"]["type"] != 1:
        fail(f"copy target holds {sorted(names)}")
    inner = [i["filename"] for i in list_all(names["sub"]["fileId"])]
    if inner != ["forty-again.bin"]:
        fail(f"copied folder holds {inner}")
    print("copy ok (one file, and a folder through an async task)")


class Origin(http.server.BaseHTTPRequestHandler):
    payload = os.urandom(300 * 1024)

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.payload)))
        self.end_headers()
        self.wfile.write(self.payload)

    def log_message(self, *args):
        pass


def offline(folder):
    """§9: a cloud download from a local HTTP server, polled until process reaches 100."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Origin)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/media/clip.bin"
        refused(call("POST", "/api/v1/offline/download", body={"url": "ftp://127.0.0.1/x", "dirID": str(folder)}),
                "offline download of an ftp URL")
        refused(call("POST", "/api/v1/offline/download", body={"url": url, "dirID": "0"}), "offline download to root")
        task = ok("POST", "/api/v1/offline/download", body={"url": url, "dirID": str(folder)})["taskID"]
        for _ in range(60):
            data = ok("GET", "/api/v1/offline/download/process", query={"taskID": task})
            if data["status"] == 1:
                fail("offline download failed")
            if data["process"] >= 100:
                break
            time.sleep(1)
        else:
            fail("offline download never reached 100")
    finally:
        server.shutdown()
    got = [i for i in list_all(folder) if i["filename"] == "clip.bin"]
    if len(got) != 1 or got[0]["etag"] != hashlib.md5(Origin.payload).hexdigest() or got[0]["size"] != len(Origin.payload):
        fail(f"offline download did not place clip.bin with its md5: {got}")
    print(f"offline download ok (status {data['status']} at process {data['process']})")


def direct_links(folder, file_id, payload_md5):
    """§6.4 and §8.3."""
    code = refused(call("POST", "/api/v1/direct-link/enable", body={"fileID": folder}), "direct link on a free account")
    ok("POST", "/__fake/user", body={"vip": True})
    if ok("POST", "/api/v1/direct-link/enable", body={"fileID": folder})["filename"] != FOLDER_NAME:
        fail("direct-link/enable should answer the folder name")
    url = ok("GET", "/api/v1/direct-link/url", query={"fileID": file_id})["url"]
    status, body = fetch_status(url)
    if status != 200 or hashlib.md5(body).hexdigest() != payload_md5:
        fail(f"direct link fetch: HTTP {status}")
    uid = ok("GET", "/api/v1/user/info")["uid"]
    ok("POST", "/__fake/direct-link", body={"privateKey": "indep-key"})
    if fetch_status(url)[0] != 403:
        fail("an unsigned direct link was served while URL authentication is on")
    ts, rand = int(time.time()) + 600, uuid.uuid4().hex
    path = urllib.parse.unquote(urllib.parse.urlparse(url).path)
    digest = hashlib.md5(f"{path}-{ts}-{rand}-{uid}-indep-key".encode()).hexdigest()
    status, body = fetch_status(f"{url}?auth_key={ts}-{rand}-{uid}-{digest}")
    if status != 200 or hashlib.md5(body).hexdigest() != payload_md5:
        fail(f"signed direct link: HTTP {status}")
    if ok("POST", "/api/v1/direct-link/cache/refresh") is not None:
        fail("direct-link/cache/refresh should answer data null")
    ok("POST", "/api/v1/direct-link/disable", body={"fileID": folder})
    refused(call("GET", "/api/v1/direct-link/url", query={"fileID": file_id}), "direct link after disable")
    print(f"direct links ok (free account refused with code {code}; signed URL served)")
