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

The HTTP helpers live in independent_http.py, the share/copy/offline/direct-link steps in
independent_cloud.py, both beside this script. Only two calls are not part of the real API: the emulator's control endpoints that make the
account VIP (`/__fake/user`) and set the direct-link private key (`/__fake/direct-link`), which
on the real service are settings of the account on the website; they carry the banner's
`controlToken` in the `X-Fake-Pan-Control` header.
"""
import sys

sys.dont_write_bytecode = True  # the helper modules beside this script leave no __pycache__ behind

import hashlib  # noqa: E402
import os  # noqa: E402
import urllib.error  # noqa: E402

from independent_cloud import copies, direct_links, offline, shares  # noqa: E402
from independent_http import CFG, FOLDER_NAME, call, fail, fetch, list_all, ok, set_token, upload  # noqa: E402


def main():
    token = ok("POST", "/api/v1/access_token", body={"clientID": CFG["clientId"], "clientSecret": CFG["clientSecret"]})
    set_token(token["accessToken"])
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
