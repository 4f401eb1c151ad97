using Kaoping.Text;

namespace Kaoping.Cli;

internal static class Help
{
    public static string Text(Language language) => language switch
    {
        Language.Zh => """
            kaoping —— 安全生产工作责任目标考评

            用法：
              kaoping rubric import 文件 [--json]        读取考评细则，显示概要或 JSON
              kaoping rubric check 文件                  检查分值是否一致（一致返回0，不一致返回1）
              kaoping rubric list                        列出内置考评细则（用 builtin:名称 代替文件）
              kaoping rules parse --points 分值 "考评标准" [--json]
                                                         从一段考评标准中提取扣分条款
              kaoping score --rubric 文件 --findings 发现.json [--json]
                                                         计算被考评单位的得分和扣分及原因
              kaoping result --scheme 方案.json --input 单位.json [--json]
                                                         按考核方案计算一个单位的年度结果（各部分、加分、否决、总分、等次）
              kaoping rank --scheme 方案.json --input 单位列表.json [--json]
                                                         按考核方案排名并按名额确定等次
              kaoping export sheet --rubric 文件 --findings 发现.json --format docx -o 输出.docx
                                                         导出填好的考评表（Word，按细则原表格式）
              kaoping migrate --provider postgres --connection "Host=…;Database=kaoping;Username=…"
                                                         创建或升级数据库（PostgreSQL 必须先运行此命令）
              kaoping user add 用户名 --role systemadmin|auditor|admin|assessor|reporter|leader [--target 单位名称]
                                                         创建用户，密码从标准输入读一行（填报员须给出所属单位）
              kaoping backup --to 目录                   备份数据库和佐证材料（运行中也可），附 SHA-256 清单
              kaoping restore --from 目录                核对清单后恢复到空数据库
              kaoping audit verify [--provider … --connection …] [--evidence 目录] [--evidence-key-file 密钥文件]
                                                         核对全部审计链和佐证材料文件（完整返回0，有破坏返回1并指出第一处）

            选项：--lang zh|en 输出语言（默认中文）；--help 显示本帮助。
            返回值：0 成功；1 检查发现问题；2 输入有误。

            """,
        Language.En => """
            kaoping — work-safety responsibility target assessment

            Usage:
              kaoping rubric import FILE [--json]        read a rubric and print a summary or JSON
              kaoping rubric check FILE                  check that its points add up (exit 0 if so, 1 if not)
              kaoping rubric list                        list the built-in rubrics (use builtin:NAME as FILE)
              kaoping rules parse --points N "CRITERIA" [--json]
                                                         extract the clauses of one criteria text
              kaoping score --rubric FILE --findings FINDINGS.json [--json]
                                                         score a target, with the reasons for each deduction
              kaoping result --scheme SCHEME.json --input TARGET.json [--json]
                                                         a target's year result under a scheme (parts, bonus, vetoes, total, grade)
              kaoping rank --scheme SCHEME.json --input TARGETS.json [--json]
                                                         rank targets under a scheme, grades after quotas
              kaoping export sheet --rubric FILE --findings FINDINGS.json --format docx -o OUT.docx
                                                         the filled sheet in the rubric's own layout (Word)
              kaoping migrate --provider postgres --connection "Host=…;Database=kaoping;Username=…"
                                                         create or upgrade the database (required before PostgreSQL is used)
              kaoping user add NAME --role systemadmin|auditor|admin|assessor|reporter|leader [--target TARGET]
                                                         add a user; the password is one line on standard input
                                                         (a reporter needs their target)
              kaoping backup --to DIR                    back up the database and evidence (also while the app runs),
                                                         with a SHA-256 manifest
              kaoping restore --from DIR                 check the manifest, then restore into an empty database
              kaoping audit verify [--provider … --connection …] [--evidence DIR] [--evidence-key-file FILE]
                                                         check every audit chain and evidence file (exit 0 if intact, 1 naming the first break)

            Options: --lang zh|en language of the output (Chinese by default); --help shows this help.
            Exit codes: 0 done; 1 the check found problems; 2 bad input.

            """,
    };
}
