import { colors, fontFamily } from '../charts/theme.js';

/** The report's only stylesheet, inlined so the file opens anywhere without a network. */
export const styles = `
*{box-sizing:border-box}
body{margin:0;background:#f3f5f8;color:${colors.ink};font:15px/1.5 ${fontFamily}}
header{background:#1d3f66;color:#fff;padding:28px 40px 24px}
header h1{margin:0 0 4px;font-size:26px;font-weight:650;letter-spacing:-.01em}
header p{margin:0;color:#c9d8ea;font-size:14px}
header code{background:rgba(255,255,255,.14);color:#fff}
.facts{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:20px 0 0;padding:0}
.facts div{background:rgba(255,255,255,.09);border-radius:8px;padding:10px 14px}
.facts dt{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#a9c1dc}
.facts dd{margin:2px 0 0;font-size:21px;font-weight:650}
.facts dd small{font-size:12px;font-weight:400;color:#c9d8ea;display:block}
main{max-width:1240px;margin:0 auto;padding:24px 40px 8px;display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:20px}
section{background:#fff;border-radius:10px;box-shadow:0 1px 2px rgba(16,42,67,.08),0 1px 8px rgba(16,42,67,.05);padding:18px 22px 14px;min-width:0}
section.full{grid-column:1/-1}
h2{margin:0 0 4px;font-size:17px;font-weight:650}
p.answer{margin:0 0 12px;color:${colors.muted}}
figure{margin:0;overflow-x:auto}
figure svg{max-width:100%;height:auto;display:block}
table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0 14px}
th,td{text-align:left;padding:5px 8px;border-bottom:1px solid ${colors.grid};vertical-align:top}
th{font-weight:600;color:${colors.muted};font-size:12px;text-transform:uppercase;letter-spacing:.04em}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f0f3f7;padding:1px 4px;border-radius:3px;word-break:break-all}
.pass{color:#2f7d32;font-weight:600}.fail{color:#b42318;font-weight:600}.note{color:${colors.muted};font-size:13px}
h3{font-size:14px;margin:14px 0 2px}
footer{max-width:1240px;margin:0 auto;padding:8px 40px 32px;color:${colors.muted};font-size:12px}
@media (max-width:900px){main{grid-template-columns:1fr;padding:16px}header{padding:20px 16px}}
`;
