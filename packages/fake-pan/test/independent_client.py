#!/usr/bin/env python3
"""An independent 123 Open Platform client, written from the API reference only.

It shares no code with PanDesk: it exists to prove that fake-pan answers what the reference
describes, not what our own TypeScript client happens to expect. Standard library only.

Usage: independent_client.py '<first JSON line printed by `pnpm fake-pan`>'
Walks the reference flow: token, list (all pages), mkdir, a 40 MB sliced upload (v2: create,
slices on the upload host, upload_complete polling), a rapid re-upload, download_info and
Range downloads from the CDN, trash, delete. Exits non-zero with a message on any mismatch.
"""
import hashlib
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

CFG = json.loads(sys.argv[1])
API = CFG["baseUrl"].rstrip("/")
TOKEN = None


def fail(msg):
    print("FAIL: " + msg)
    sys.exit(1)


def call(method, path, body=None, query=None, host=API, raw_body=None, content_type="application/json"):
    """One API call; returns `data` of the envelope or fails on a non-zero code."""
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


def main():
    global TOKEN
    token = ok("POST", "/api/v1/access_token", body={"clientID": CFG["clientId"], "clientSecret": CFG["clientSecret"]})
    TOKEN = token["accessToken"]
    if "+08:00" not in token["expiredAt"]:
        fail("expiredAt is not RFC 3339 with +08:00: " + token["expiredAt"])
    root = list_all(0)
    print(f"login ok, root lists {len(root)} items")

    name = "indep-" + uuid.uuid4().hex[:8]
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
