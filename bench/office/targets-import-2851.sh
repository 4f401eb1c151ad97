#!/usr/bin/env bash
# Imports 2,851 targets (China's county-level units, each with its province › city) from the Excel template on a running
# Kaoping, twice: the first adds them all, the second (the same file) changes nothing. Prints each import's wall time.
# Usage: bench/office/targets-import-2851.sh URL   (e.g. http://127.0.0.1:5184, demo data; needs python3 and curl)
set -euo pipefail
url=${1:?URL}
file=$(mktemp --suffix=.xlsx)
python3 - "$file" <<'PY'
import sys, zipfile
from xml.sax.saxutils import escape
def row(n, cells):
    return f'<row r="{n}">' + ''.join(
        f'<c r="{chr(65 + i)}{n}" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for i, v in enumerate(cells) if v) + '</row>'
rows = [row(1, ['被考评单位名称', '类型', '所属地区'])]
rows += [row(i + 2, [f'导入县{i + 1:04d}', '县（市）', f'省{i % 31 + 1:02d} › 市{i % 333 + 1:03d}']) for i in range(2851)]
ns = 'http://schemas.openxmlformats.org/'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('[Content_Types].xml', f'<Types xmlns="{ns}package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>')
    z.writestr('_rels/.rels', f'<Relationships xmlns="{ns}package/2006/relationships"><Relationship Id="r1" '
        f'Type="{ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    z.writestr('xl/workbook.xml', f'<workbook xmlns="{ns}spreadsheetml/2006/main" xmlns:r="{ns}officeDocument/2006/relationships">'
        '<sheets><sheet name="被考评单位" sheetId="1" r:id="r1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', f'<Relationships xmlns="{ns}package/2006/relationships"><Relationship Id="r1" '
        f'Type="{ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', f'<worksheet xmlns="{ns}spreadsheetml/2006/main"><sheetData>' + ''.join(rows) + '</sheetData></worksheet>')
PY
echo "file: $(stat -c %s "$file") bytes"
token=$(curl -sf -H 'Content-Type: application/json' -d '{"userName":"admin","password":"Kaoping@2018"}' "$url/api/auth/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
for run in first second; do
  curl -sf -w "\n$run import: %{time_total} s\n" -H "Authorization: Bearer $token" -F "file=@$file;filename=targets.xlsx" \
    "$url/api/targets/import"

done
rm -f "$file"
