#!/usr/bin/env python3
"""An independent 123 Open Platform client, written from the API reference only.

It shares no code with PanDesk: it exists to prove that fake-pan answers what the reference
describes, not what our own TypeScript client happens to expect. Standard library only.

Usage: independent_client.py '<first JSON line printed by `pnpm fake-pan`>'
Walks the reference flow: token, list (all pages), mkdir, a 40 MB sliced upload (v2: create,
slices on the upload host, upload_complete polling), a rapid re-upload, download_info and
Range downloads from the CDN, trash, delete; then share links (create, cursor list, traffic
change), copy (one file, async copy of a folder with progress), offline download from a local
HTTP server (progress until 100), and direct links (refused on a free account, enabled folder,
URL fetched, URL authentication per §8.3, cache refresh). Exits non-zero with a message on any
mismatch.

Only two calls are not part of the real API: the emulator's control endpoints that make the
account VIP (`/__fake/user`) and set the direct-link private key (`/__fake/direct-link`), which
on the real service are settings of the account on the website.
"""
import hashlib
import http.server
import json
import os
import re
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

CFG = json.loads(sys.argv[1])
FOLDER_NAME = "indep-" + uuid.uuid4().hex[:8]
API = CFG["baseUrl"].rstrip("/")
TOKEN = None


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def call(method, path, body=None, query=None, host=API, raw_body=None, content_type="application/json"):
    """One API call; returns the envelope. Code 429 (§10) is waited out and sent again."""
    for _ in range(20):
        env = call_once(method, path, body, query, host, raw_body, content_type)
        if env["code"] != 429:
            return env
        time.sleep(0.5)
    fail(f"{path}: still rate-limited after 20 tries")


def call_once(method, path, body, query, host, raw_body, content_type):
    url = host + path + ("?" + urllib.parse.urlencode(query) if query else "")
    headers = {"Platform": "open_platform", "Content-Type": content_type}
    if TOKEN:
        headers["Authorization"] = "Bearer " + TOKEN
    data = raw_body if raw_body is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    with urllib.request.urlopen(req, timeout=60) as res:
        if res.status != 200:
            fail(f"{path}: HTTP {res.status}")
        env = json.loads(res.read())
    for key in ("code", "message", "data", "x-traceID"):
        if key not in env:
            fail(f"{path}: envelope lacks {key}: {env}")
    return env


def ok(method, path, **kw):
    env = call(method, path, **kw)
    if env["code"] != 0:
        fail(f"{path}: code {env['code']} {env['message']}")
    return env["data"]


def multipart(fields, file_field, filename, payload):
    boundary = "----indep" + uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; filename="{filename}"\r\n'
        f"Content-Type: application/octet-stream\r\n\r\n".encode()
    )
    parts.append(payload)
    parts.append(f"\r\n--{boundary}--\r\n".encode())
    return b"".join(parts), "multipart/form-data; boundary=" + boundary


def list_all(parent):
    items, last = [], 0
    while True:
        data = ok("GET", "/api/v2/file/list", query={"parentFileId": parent, "limit": 100, "lastFileId": last})
        items += data["fileList"]
        if data["lastFileId"] == -1:
            return items
        last = data["lastFileId"]


def upload(parent, name, payload):
    md5 = hashlib.md5(payload).hexdigest()
    created = ok("POST", "/upload/v2/file/create", body={
        "parentFileID": parent, "filename": name, "etag": md5, "size": len(payload), "duplicate": 0})
    if created["reuse"]:
        return created["fileID"], True, 0
    slice_size, server = created["sliceSize"], created["servers"][0]
    if not server.startswith("http"):
        server = "http://" + server
    slices = 0
    for no, offset in enumerate(range(0, len(payload), slice_size), start=1):
        chunk = payload[offset:offset + slice_size]
        body, ctype = multipart([("preuploadID", created["preuploadID"]), ("sliceNo", str(no)),
                                 ("sliceMD5", hashlib.md5(chunk).hexdigest())], "slice", f"{name}.part{no}", chunk)
        ok("POST", "/upload/v2/file/slice", host=server.rstrip("/"), raw_body=body, content_type=ctype)
        slices += 1
    for _ in range(60):
        env = call("POST", "/upload/v2/file/upload_complete", body={"preuploadID": created["preuploadID"]})
        if env["code"] == 0 and env["data"]["completed"] and env["data"]["fileID"]:
            return env["data"]["fileID"], False, slices
        if env["code"] not in (0, 20103):
            fail(f"upload_complete: code {env['code']} {env['message']}")
        time.sleep(1)
    fail("upload_complete never completed")


def fetch(url, range_header=None):
    req = urllib.request.Request(url, headers={"Range": range_header} if range_header else {})
    with urllib.request.urlopen(req, timeout=60) as res:
        return res.status, res.headers, res.read()


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


def main():
    global TOKEN
    token = ok("POST", "/api/v1/access_token", body={"clientID": CFG["clientId"], "clientSecret": CFG["clientSecret"]})
    TOKEN = token["accessToken"]
    if "+08:00" not in token["expiredAt"]:
        fail("expiredAt is not RFC 3339 with +08:00: " + token["expiredAt"])
    root = list_all(0)
    print(f"login ok, root lists {len(root)} items")

    name = FOLDER_NAME
    folder = ok("POST", "/upload/v1/file/mkdir", body={"name": name, "parentID": 0})["dirID"]
    clash = call("POST", "/upload/v1/file/mkdir", body={"name": name, "parentID": 0})
    if clash["code"] == 0:
        fail("mkdir accepted a duplicate folder name")
    print(f"mkdir ok ({folder}); duplicate refused with code {clash['code']}")

    payload = os.urandom(40 * 1024 * 1024)
    md5 = hashlib.md5(payload).hexdigest()
    file_id, reused, slices = upload(folder, "forty.bin", payload)
    if reused or slices < 3:
        fail(f"expected a sliced upload, got reused={reused} slices={slices}")
    again, reused, _ = upload(folder, "forty-again.bin", payload)
    if not reused or not again:
        fail("second upload of the same bytes was not rapid")
    listed = {i["filename"]: i for i in list_all(folder)}
    if listed.get("forty.bin", {}).get("etag") != md5 or listed["forty.bin"]["size"] != len(payload):
        fail("listing does not show the uploaded file with its md5 and size")
    print(f"upload ok in {slices} slices; rapid re-upload ok ({again})")

    url = ok("GET", "/api/v1/file/download_info", query={"fileId": file_id})["downloadUrl"]
    status, headers, part = fetch(url, "bytes=1000-1999")
    if status != 206 or part != payload[1000:2000] or not headers.get("Content-Range", "").startswith("bytes 1000-1999/"):
        fail(f"range download wrong: status {status}")
    status, _, tail = fetch(url, "bytes=-10")
    if status != 206 or tail != payload[-10:]:
        fail("suffix range wrong")
    status, _, whole = fetch(url)
    if status != 200 or hashlib.md5(whole).hexdigest() != md5:
        fail("full download does not match")
    print("download with Range ok")

    shares(folder, again)
    copies(folder, again)
    offline(folder)
    direct_links(folder, file_id, md5)

    ok("POST", "/api/v1/file/trash", body={"fileIDs": [file_id, again]})
    trashed = {i["fileId"]: i["trashed"] for i in list_all(folder)}
    if trashed.get(file_id) != 1:
        fail("trashed file is not listed with trashed: 1")
    ok("POST", "/api/v1/file/delete", body={"fileIDs": [file_id, again]})
    left = [i for i in list_all(folder) if i["fileId"] in (file_id, again)]
    if left:
        fail("deleted files still listed")
    gone = call("GET", "/api/v1/file/detail", query={"fileID": file_id})
    if gone["code"] != 5066:
        fail(f"detail of a deleted file answered code {gone['code']}, expected 5066")
    print("trash and delete ok")
    print("INDEPENDENT CLIENT OK")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.HTTPError as e:
        fail(f"HTTP {e.code} on {e.url}")
