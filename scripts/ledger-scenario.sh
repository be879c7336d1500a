#!/usr/bin/env bash
# A month of supervision work on the ledger, through the command line, for three warned cells of
# the first city in a month's warning list: staff and grid assignments, sources, a patrol,
# inspections, problems (some found 40 days ago and now overdue), assignments to departments,
# rectification, a return, a refusal and reassignment, a duplicate, verification with evidence;
# then the one-cell problem sheet, the statistics and the audit check.
#
#   bash scripts/ledger-scenario.sh DB MONTH [OUT_DIR]     (HOTGRID= the binary, default .build/release/hotgrid)
#
# Needs a database whose staff is still empty and whose MONTH has a warning list (hotgrid warn).
# Expected statistics: 7 problems; 2 closed (1 on time), 1 duplicate, 4 open of which 2 overdue.
set -euo pipefail
HOTGRID=${HOTGRID:-.build/release/hotgrid}
DB=$1
MONTH=$2
OUT=${3:-ledger-$MONTH}
mkdir -p "$OUT"
hg() { "$HOTGRID" "$@"; }
person() { sed -n 's/^Person #\([0-9]*\):.*/\1/p'; }
problem() { sed -n 's/^Problem #\([0-9]*\) recorded.*/\1/p'; }
today=$(TZ=Asia/Shanghai date +%F)
long_ago=$(TZ=Asia/Shanghai date -d "$today -40 days" +%F)

hg warnings --db "$DB" --month "$MONTH" --out "$OUT/warnings.csv"
city=$(sed -n 2p "$OUT/warnings.csv" | cut -d, -f3)
mapfile -t cells < <(awk -F, -v c="$city" 'NR > 1 && $3 == c { print $2 " " $7 " " $8 }' "$OUT/warnings.csv" | head -n 3)
[ "${#cells[@]}" -eq 3 ] || { echo "need three warned cells of city $city in $MONTH" >&2; exit 1; }

admin=$(hg staff add --db "$DB" --first-admin --name "系统管理员" | person)
officer=$(hg staff add --db "$DB" --as "$admin" --name "市生态环境局 李明" --role city_officer --scope "city:$city" | person)
supervisor=$(hg staff add --db "$DB" --as "$admin" --name "网格监督员 张伟" --role grid_supervisor --scope cells --phone 13800000001 | person)
leader=$(hg staff add --db "$DB" --as "$admin" --name "网格长 王强" --role grid_leader --scope cells | person)
housing=$(hg staff add --db "$DB" --as "$admin" --name "住建局 刘洋" --role department_officer --scope "city:$city" --department housing | person)
environment=$(hg staff add --db "$DB" --as "$admin" --name "环境执法 陈静" --role department_officer --scope "city:$city" --department environment | person)

echo "name,kind,lon,lat,census_id,operator,notes" > "$OUT/sources.csv"
n=0
for c in "${cells[@]}"; do
  read -r cell lon lat <<< "$c"
  hg staff assign --db "$DB" --as "$officer" --cell "$cell" --duty grid_supervisor --person "$supervisor"
  hg staff assign --db "$DB" --as "$officer" --cell "$cell" --duty grid_leader --person "$leader"
  n=$((n + 1))
  awk -v lon="$lon" -v lat="$lat" -v n="$n" -v city="$city" 'BEGIN {
    printf "某工业企业%d,enterprise,%.6f,%.6f,%sA%04d,某集团,重点排污单位\n", n, lon + 0.003, lat + 0.002, city, n
    printf "某建筑工地%d,construction_site,%.6f,%.6f,,某建设公司,\n", n, lon - 0.004, lat - 0.003 }' >> "$OUT/sources.csv"
done
hg source import --db "$DB" --as "$officer" --file "$OUT/sources.csv"
read -r cell1 _ _ <<< "${cells[0]}"
printf '<gpx version="1.1"><trk><trkseg><trkpt lat="0" lon="0"/></trkseg></trk></gpx>\n' > "$OUT/track.gpx"
hg patrol --db "$DB" --as "$supervisor" --cell "$cell1" --findings "巡查未发现新问题 nothing new found" --file "$OUT/track.gpx"
for s in 1 2 3 4 5 6; do hg inspect --db "$DB" --as "$supervisor" --source "$s" --month "$MONTH" --note "逐源检查"; done
echo "site photo" > "$OUT/photo.jpg"

rec() { hg problem record --db "$DB" --as "$supervisor" --month "$MONTH" "$@" | tee /dev/stderr | problem; }
upd() { hg problem update --db "$DB" "$@"; }
p1=$(rec --source 1 --category industrial_fugitive_dust --description "原料堆场未封闭" --found-on "$long_ago")
p2=$(rec --source 2 --category construction_site_dust --description "裸土未苫盖" --found-on "$long_ago")
p3=$(rec --source 3 --category vocs_uncontrolled --description "VOCs 治理设施未运行" --found-on "$long_ago")
p4=$(rec --source 4 --category construction_site_dust --description "车辆未冲洗")
p5=$(rec --source 5 --category boiler --description "燃煤锅炉未淘汰")
p6=$(rec --source 6 --category construction_site_dust --description "渣土车未密闭")
p7=$(rec --source 6 --category construction_site_dust --description "渣土车未密闭（重复上报）")

upd --as "$officer" --id "$p1" --action assign --department environment --comment "交环境执法整改"
upd --as "$environment" --id "$p1" --action accept --comment "已接收"
upd --as "$environment" --id "$p1" --action submit --comment "已封闭" --evidence "$OUT/photo.jpg"
upd --as "$supervisor" --id "$p1" --action verify --comment "现场核实已封闭" --evidence "$OUT/photo.jpg"
upd --as "$officer" --id "$p2" --action assign --department housing --comment "交住建局"
upd --as "$housing" --id "$p2" --action accept --comment "整改中"
upd --as "$officer" --id "$p3" --action assign --department housing --comment "交住建局"
upd --as "$housing" --id "$p3" --action decline --comment "企业 VOCs 不属住建管理"
upd --as "$officer" --id "$p3" --action reassign --department environment --comment "改交环境执法"
upd --as "$officer" --id "$p4" --action assign --department housing --comment "交住建局"
upd --as "$housing" --id "$p4" --action accept --comment "已接收"
upd --as "$housing" --id "$p4" --action submit --comment "已安装冲洗设备"
upd --as "$supervisor" --id "$p4" --action return --comment "冲洗设备未使用"
upd --as "$housing" --id "$p4" --action submit --comment "已使用冲洗设备" --evidence "$OUT/photo.jpg"
upd --as "$supervisor" --id "$p4" --action verify --comment "复查合格" --evidence "$OUT/photo.jpg"
upd --as "$officer" --id "$p5" --action assign --department environment --comment "交环境执法"
upd --as "$leader" --id "$p7" --action mark_duplicate --duplicate-of "$p6" --comment "与前一问题重复"

hg problem sheet --db "$DB" --as "$officer" --cell "$cell1" --month "$MONTH" --format html --out "$OUT/sheet-$cell1.html"
hg problem list --db "$DB" --as "$officer" --overdue
hg stats --db "$DB" --as "$officer" --by county --out "$OUT/stats.csv"
hg audit verify --db "$DB"
echo "Ledger scenario for city $city, $MONTH: $OUT/stats.csv, $OUT/sheet-$cell1.html"
