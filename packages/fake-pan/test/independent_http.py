"""HTTP helpers of the independent client: envelope calls, paging, sliced upload, CDN fetches.

Written from the API reference only (see independent_client.py). Standard library only.
"""
import hashlib
import json
import sys
import time
import urllib.parse
import urllib.request
import uuid

CFG = json.loads(sys.argv[1])
FOLDER_NAME = "indep-" + uuid.uuid4().hex[:8]
API = CFG["baseUrl"].rstrip("/")
TOKEN = None


def set_token(token):
    global TOKEN
    TOKEN = token


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
    if path.startswith("/__fake/"):
        # The emulator's control endpoint wants the per-start token from the banner.
        headers["X-Fake-Pan-Control"] = CFG["controlToken"]
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


