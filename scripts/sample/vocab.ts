// Word lists for the sample data: cities, trade names, industries, people. Every entry is [Chinese, English].
// Company names are built as city + 字号 (trade name of two characters) + industry word + 有限公司, e.g.
// 杭州云启科技有限公司 / Hangzhou Yunqi Technology Co., Ltd. Trade names whose pair is a well-known brand
// (华润, 海信, 联通 …) are refused, so a generated name is never a famous company's.

export type Pair = readonly [zh: string, en: string];

export interface City {
  name: Pair;
  /** Relative share of customers. */
  weight: number;
  districts: readonly Pair[];
}

export const CITIES: readonly City[] = [
  { name: ['上海', 'Shanghai'], weight: 9, districts: [['浦东新区', 'Pudong New Area'], ['闵行区', 'Minhang District'], ['嘉定区', 'Jiading District'], ['松江区', 'Songjiang District']] },
  { name: ['北京', 'Beijing'], weight: 8, districts: [['海淀区', 'Haidian District'], ['朝阳区', 'Chaoyang District'], ['大兴区', 'Daxing District'], ['顺义区', 'Shunyi District']] },
  { name: ['深圳', 'Shenzhen'], weight: 8, districts: [['南山区', 'Nanshan District'], ['宝安区', "Bao'an District"], ['龙岗区', 'Longgang District']] },
  { name: ['广州', 'Guangzhou'], weight: 7, districts: [['天河区', 'Tianhe District'], ['番禺区', 'Panyu District'], ['黄埔区', 'Huangpu District']] },
  { name: ['杭州', 'Hangzhou'], weight: 7, districts: [['西湖区', 'Xihu District'], ['滨江区', 'Binjiang District'], ['余杭区', 'Yuhang District'], ['萧山区', 'Xiaoshan District']] },
  { name: ['苏州', 'Suzhou'], weight: 6, districts: [['工业园区', 'Industrial Park'], ['吴中区', 'Wuzhong District'], ['相城区', 'Xiangcheng District']] },
  { name: ['南京', 'Nanjing'], weight: 5, districts: [['江宁区', 'Jiangning District'], ['鼓楼区', 'Gulou District'], ['浦口区', 'Pukou District']] },
  { name: ['宁波', 'Ningbo'], weight: 4, districts: [['鄞州区', 'Yinzhou District'], ['北仑区', 'Beilun District'], ['镇海区', 'Zhenhai District']] },
  { name: ['成都', 'Chengdu'], weight: 5, districts: [['高新区', 'High-tech Zone'], ['武侯区', 'Wuhou District'], ['双流区', 'Shuangliu District']] },
  { name: ['武汉', 'Wuhan'], weight: 4, districts: [['洪山区', 'Hongshan District'], ['江汉区', 'Jianghan District'], ['东西湖区', 'Dongxihu District']] },
  { name: ['西安', "Xi'an"], weight: 3, districts: [['雁塔区', 'Yanta District'], ['未央区', 'Weiyang District'], ['长安区', "Chang'an District"]] },
  { name: ['重庆', 'Chongqing'], weight: 4, districts: [['渝北区', 'Yubei District'], ['九龙坡区', 'Jiulongpo District'], ['江北区', 'Jiangbei District']] },
  { name: ['天津', 'Tianjin'], weight: 3, districts: [['滨海新区', 'Binhai New Area'], ['西青区', 'Xiqing District'], ['南开区', 'Nankai District']] },
  { name: ['青岛', 'Qingdao'], weight: 3, districts: [['黄岛区', 'Huangdao District'], ['城阳区', 'Chengyang District'], ['市南区', 'Shinan District']] },
  { name: ['厦门', 'Xiamen'], weight: 2, districts: [['思明区', 'Siming District'], ['湖里区', 'Huli District'], ['集美区', 'Jimei District']] },
  { name: ['长沙', 'Changsha'], weight: 3, districts: [['岳麓区', 'Yuelu District'], ['雨花区', 'Yuhua District'], ['望城区', 'Wangcheng District']] },
  { name: ['合肥', 'Hefei'], weight: 3, districts: [['蜀山区', 'Shushan District'], ['包河区', 'Baohe District'], ['经开区', 'Economic Development Zone']] },
  { name: ['郑州', 'Zhengzhou'], weight: 3, districts: [['金水区', 'Jinshui District'], ['二七区', 'Erqi District'], ['中原区', 'Zhongyuan District']] },
  { name: ['济南', 'Jinan'], weight: 2, districts: [['历下区', 'Lixia District'], ['槐荫区', 'Huaiyin District'], ['章丘区', 'Zhangqiu District']] },
  { name: ['无锡', 'Wuxi'], weight: 3, districts: [['新吴区', 'Xinwu District'], ['滨湖区', 'Binhu District'], ['惠山区', 'Huishan District']] },
  { name: ['佛山', 'Foshan'], weight: 3, districts: [['顺德区', 'Shunde District'], ['南海区', 'Nanhai District'], ['禅城区', 'Chancheng District']] },
  { name: ['东莞', 'Dongguan'], weight: 3, districts: [['长安镇', "Chang'an Town"], ['松山湖', 'Songshan Lake'], ['虎门镇', 'Humen Town']] },
  { name: ['福州', 'Fuzhou'], weight: 2, districts: [['鼓楼区', 'Gulou District'], ['仓山区', 'Cangshan District'], ['马尾区', 'Mawei District']] },
  { name: ['温州', 'Wenzhou'], weight: 2, districts: [['鹿城区', 'Lucheng District'], ['瓯海区', 'Ouhai District'], ['龙湾区', 'Longwan District']] },
  { name: ['常州', 'Changzhou'], weight: 2, districts: [['武进区', 'Wujin District'], ['新北区', 'Xinbei District'], ['天宁区', 'Tianning District']] },
  { name: ['沈阳', 'Shenyang'], weight: 2, districts: [['浑南区', 'Hunnan District'], ['铁西区', 'Tiexi District'], ['和平区', 'Heping District']] },
  { name: ['大连', 'Dalian'], weight: 2, districts: [['甘井子区', 'Ganjingzi District'], ['金州区', 'Jinzhou District'], ['中山区', 'Zhongshan District']] },
  { name: ['昆明', 'Kunming'], weight: 1, districts: [['盘龙区', 'Panlong District'], ['官渡区', 'Guandu District'], ['呈贡区', 'Chenggong District']] },
  { name: ['南昌', 'Nanchang'], weight: 1, districts: [['红谷滩区', 'Honggutan District'], ['青山湖区', 'Qingshanhu District'], ['西湖区', 'Xihu District']] },
  { name: ['石家庄', 'Shijiazhuang'], weight: 1, districts: [['长安区', "Chang'an District"], ['裕华区', 'Yuhua District'], ['桥西区', 'Qiaoxi District']] },
];

/** Street names, shared by every city (as Chinese cities share them). */
export const ROADS: readonly Pair[] = [
  ['人民路', 'Renmin Rd'], ['建设路', 'Jianshe Rd'], ['解放路', 'Jiefang Rd'], ['中山路', 'Zhongshan Rd'], ['长江路', 'Changjiang Rd'],
  ['科技路', 'Keji Rd'], ['创业大道', 'Chuangye Ave'], ['工业园路', 'Gongyeyuan Rd'], ['高新大道', 'Gaoxin Ave'], ['学院路', 'Xueyuan Rd'],
  ['文三路', 'Wensan Rd'], ['环城北路', 'Huancheng North Rd'], ['滨河路', 'Binhe Rd'], ['金融街', 'Jinrong St'], ['丰收路', 'Fengshou Rd'],
  ['湖滨路', 'Hubin Rd'], ['和平大街', 'Heping St'], ['春晓路', 'Chunxiao Rd'], ['锦绣大道', 'Jinxiu Ave'], ['东方路', 'Dongfang Rd'],
  ['兴业路', 'Xingye Rd'], ['振兴路', 'Zhenxing Rd'], ['园区一路', 'Yuanqu 1st Rd'], ['园区二路', 'Yuanqu 2nd Rd'], ['望江路', 'Wangjiang Rd'],
];

/** First and second characters of a trade name (字号). */
export const TRADE_FIRST: readonly Pair[] = [
  ['云', 'Yun'], ['华', 'Hua'], ['瑞', 'Rui'], ['鑫', 'Xin'], ['宏', 'Hong'], ['盛', 'Sheng'], ['恒', 'Heng'], ['嘉', 'Jia'],
  ['博', 'Bo'], ['汇', 'Hui'], ['德', 'De'], ['润', 'Run'], ['佳', 'Jia'], ['锦', 'Jin'], ['睿', 'Rui'], ['辰', 'Chen'],
  ['星', 'Xing'], ['铭', 'Ming'], ['卓', 'Zhuo'], ['朗', 'Lang'], ['晟', 'Sheng'], ['弘', 'Hong'], ['宇', 'Yu'], ['金', 'Jin'],
  ['明', 'Ming'], ['元', 'Yuan'], ['中', 'Zhong'], ['永', 'Yong'], ['新', 'Xin'], ['泽', 'Ze'], ['凯', 'Kai'], ['蓝', 'Lan'],
];
export const TRADE_SECOND: readonly Pair[] = [
  ['启', 'qi'], ['泰', 'tai'], ['达', 'da'], ['信', 'xin'], ['远', 'yuan'], ['航', 'hang'], ['创', 'chuang'], ['智', 'zhi'],
  ['联', 'lian'], ['森', 'sen'], ['源', 'yuan'], ['优', 'you'], ['兴', 'xing'], ['隆', 'long'], ['天', 'tian'], ['海', 'hai'],
  ['峰', 'feng'], ['越', 'yue'], ['耀', 'yao'], ['祥', 'xiang'], ['和', 'he'], ['安', 'an'], ['康', 'kang'], ['腾', 'teng'],
  ['通', 'tong'], ['力', 'li'], ['诚', 'cheng'], ['拓', 'tuo'], ['益', 'yi'], ['辉', 'hui'], ['邦', 'bang'], ['科', 'ke'],
];

/** Trade names that are (or are too close to) well-known brands: never generated. */
export const BRAND_BLOCKLIST: ReadonlySet<string> = new Set([
  '华润', '华泰', '华联', '华信', '华海', '华天', '华安', '华通', '华科', '华源', '华兴', '华达', '华为', '华康',
  '海信', '联通', '中兴', '中通', '中信', '中海', '中天', '中联', '中科', '中航', '中泰', '中源', '中安', '中和', '中达', '中远', '中兴',
  '宏达', '恒瑞', '恒安', '恒力', '恒康', '恒通', '恒源', '恒信', '恒泰', '恒天',
  '汇源', '金源', '金信', '金海', '金天', '金安', '金达', '金通', '金科', '金越', '金力', '金康',
  '永辉', '永安', '永泰', '永达', '永康', '永和', '永源', '永信', '永通', '永兴',
  '新和', '新天', '新安', '新华', '新通', '新信', '新兴', '新康', '新远',
  '明源', '元通', '宇通', '德邦', '泰康', '蓝天', '蓝海', '凯辉', '博泰', '卓越', '云海', '星海', '辰安', '瑞康', '德信', '润和',
  '弘信', '鑫源', '盛和', '佳通', '锦江', '睿创', '泽达', '凯腾', '德力', '宇信', '兴业', '朗科', '宏源', '宏信', '新越',
]);

export interface Industry {
  name: Pair;
  weight: number;
  /** Words for the company name: 科技 / Technology. */
  words: readonly Pair[];
  /** Main business (主营业务) lines. */
  business: readonly Pair[];
}

export const INDUSTRIES: readonly Industry[] = [
  {
    name: ['制造业', 'Manufacturing'],
    weight: 24,
    words: [['机械制造', 'Machinery'], ['精密机械', 'Precision Machinery'], ['电子', 'Electronics'], ['新材料', 'New Materials'], ['汽车零部件', 'Auto Parts'], ['智能装备', 'Intelligent Equipment']],
    business: [['工业自动化设备', 'Industrial automation equipment'], ['精密零部件加工', 'Precision parts machining'], ['电子元器件', 'Electronic components'], ['汽车零部件', 'Automotive parts'], ['包装材料', 'Packaging materials']],
  },
  {
    name: ['批发零售', 'Wholesale & retail'],
    weight: 16,
    words: [['贸易', 'Trading'], ['商贸', 'Commerce'], ['供应链管理', 'Supply Chain Management'], ['商业连锁', 'Retail Chain']],
    business: [['日用品批发', 'Household goods wholesale'], ['连锁超市', 'Supermarket chain'], ['电子产品分销', 'Electronics distribution'], ['建材批发', 'Building materials wholesale']],
  },
  {
    name: ['信息技术', 'Information technology'],
    weight: 14,
    words: [['科技', 'Technology'], ['信息技术', 'Information Technology'], ['软件', 'Software'], ['网络科技', 'Network Technology'], ['数据科技', 'Data Technology']],
    business: [['企业管理软件', 'Enterprise software'], ['系统集成', 'Systems integration'], ['云计算服务', 'Cloud services'], ['数据分析服务', 'Data analytics'], ['网络安全', 'Cyber security']],
  },
  {
    name: ['建筑工程', 'Construction'],
    weight: 9,
    words: [['建设工程', 'Construction Engineering'], ['建筑装饰', 'Building Decoration'], ['工程技术', 'Engineering']],
    business: [['市政工程', 'Municipal works'], ['钢结构工程', 'Steel structures'], ['建筑装饰装修', 'Interior fit-out'], ['机电安装', 'M&E installation']],
  },
  {
    name: ['医疗健康', 'Healthcare'],
    weight: 7,
    words: [['医疗器械', 'Medical Devices'], ['生物科技', 'Biotech'], ['健康管理', 'Health Management']],
    business: [['医疗器械销售', 'Medical device sales'], ['体外诊断试剂', 'In-vitro diagnostics'], ['康复设备', 'Rehabilitation equipment'], ['健康体检服务', 'Health check-ups']],
  },
  {
    name: ['物流运输', 'Logistics'],
    weight: 7,
    words: [['物流', 'Logistics'], ['供应链', 'Supply Chain'], ['运输', 'Transport']],
    business: [['仓储配送', 'Warehousing and delivery'], ['冷链物流', 'Cold-chain logistics'], ['国际货运代理', 'International freight forwarding'], ['城市配送', 'Urban delivery']],
  },
  {
    name: ['能源化工', 'Energy & chemicals'],
    weight: 6,
    words: [['化工', 'Chemical'], ['新能源', 'New Energy'], ['能源科技', 'Energy Technology']],
    business: [['精细化工', 'Fine chemicals'], ['光伏组件', 'Solar modules'], ['储能系统', 'Energy storage'], ['工业涂料', 'Industrial coatings']],
  },
  {
    name: ['农业食品', 'Agriculture & food'],
    weight: 5,
    words: [['食品', 'Food'], ['农业科技', 'Agritech'], ['生态农业', 'Eco-Agriculture']],
    business: [['食品加工', 'Food processing'], ['农产品流通', 'Farm produce distribution'], ['饮料生产', 'Beverages'], ['种子种苗', 'Seeds and seedlings']],
  },
  {
    name: ['金融服务', 'Financial services'],
    weight: 4,
    words: [['投资管理', 'Investment Management'], ['融资租赁', 'Financial Leasing'], ['商务咨询', 'Business Consulting']],
    business: [['融资租赁', 'Financial leasing'], ['资产管理', 'Asset management'], ['财务咨询', 'Financial advisory']],
  },
  {
    name: ['教育培训', 'Education'],
    weight: 3,
    words: [['教育科技', 'Education Technology'], ['培训', 'Training'], ['文化教育', 'Culture & Education']],
    business: [['职业技能培训', 'Vocational training'], ['企业内训', 'Corporate training'], ['在线教育平台', 'Online learning']],
  },
  {
    name: ['餐饮酒店', 'Hospitality'],
    weight: 3,
    words: [['餐饮管理', 'Catering Management'], ['酒店管理', 'Hotel Management']],
    business: [['连锁餐饮', 'Restaurant chain'], ['团餐服务', 'Contract catering'], ['商务酒店', 'Business hotels']],
  },
  {
    name: ['文化传媒', 'Media'],
    weight: 2,
    words: [['文化传媒', 'Media'], ['广告', 'Advertising'], ['会展服务', 'Exhibition Services']],
    business: [['品牌策划', 'Brand planning'], ['展会服务', 'Exhibitions'], ['数字营销', 'Digital marketing']],
  },
];

/** Company size by headcount, smallest first (the generator ties larger sizes to larger spend). */
export const COMPANY_SIZES: readonly Pair[] = [
  ['50人以下', 'Under 50'],
  ['50-199人', '50-199'],
  ['200-999人', '200-999'],
  ['1000人以上', '1000+'],
];

export const LEGAL_FORMS: readonly { name: Pair; weight: number }[] = [
  { name: ['有限公司', 'Co., Ltd.'], weight: 86 },
  { name: ['股份有限公司', 'Corp., Ltd.'], weight: 8 },
  { name: ['有限责任公司', 'LLC'], weight: 6 },
];

/** The most common Chinese surnames, roughly by frequency. */
export const SURNAMES: readonly { name: Pair; weight: number }[] = [
  { name: ['王', 'Wang'], weight: 72 }, { name: ['李', 'Li'], weight: 70 }, { name: ['张', 'Zhang'], weight: 66 }, { name: ['刘', 'Liu'], weight: 54 },
  { name: ['陈', 'Chen'], weight: 46 }, { name: ['杨', 'Yang'], weight: 35 }, { name: ['黄', 'Huang'], weight: 24 }, { name: ['赵', 'Zhao'], weight: 21 },
  { name: ['吴', 'Wu'], weight: 20 }, { name: ['周', 'Zhou'], weight: 19 }, { name: ['徐', 'Xu'], weight: 15 }, { name: ['孙', 'Sun'], weight: 15 },
  { name: ['马', 'Ma'], weight: 14 }, { name: ['朱', 'Zhu'], weight: 13 }, { name: ['胡', 'Hu'], weight: 12 }, { name: ['郭', 'Guo'], weight: 12 },
  { name: ['何', 'He'], weight: 11 }, { name: ['林', 'Lin'], weight: 10 }, { name: ['高', 'Gao'], weight: 10 }, { name: ['罗', 'Luo'], weight: 10 },
  { name: ['郑', 'Zheng'], weight: 9 }, { name: ['梁', 'Liang'], weight: 9 }, { name: ['谢', 'Xie'], weight: 8 }, { name: ['宋', 'Song'], weight: 7 },
  { name: ['唐', 'Tang'], weight: 7 }, { name: ['许', 'Xu'], weight: 6 }, { name: ['韩', 'Han'], weight: 6 }, { name: ['冯', 'Feng'], weight: 6 },
  { name: ['邓', 'Deng'], weight: 6 }, { name: ['曹', 'Cao'], weight: 6 }, { name: ['彭', 'Peng'], weight: 5 }, { name: ['曾', 'Zeng'], weight: 5 },
  { name: ['肖', 'Xiao'], weight: 5 }, { name: ['田', 'Tian'], weight: 5 }, { name: ['董', 'Dong'], weight: 5 }, { name: ['袁', 'Yuan'], weight: 4 },
  { name: ['潘', 'Pan'], weight: 4 }, { name: ['蒋', 'Jiang'], weight: 4 }, { name: ['蔡', 'Cai'], weight: 4 }, { name: ['余', 'Yu'], weight: 4 },
  { name: ['杜', 'Du'], weight: 4 }, { name: ['叶', 'Ye'], weight: 4 }, { name: ['程', 'Cheng'], weight: 4 }, { name: ['魏', 'Wei'], weight: 3 },
  { name: ['苏', 'Su'], weight: 3 }, { name: ['吕', 'Lyu'], weight: 3 }, { name: ['丁', 'Ding'], weight: 3 }, { name: ['沈', 'Shen'], weight: 3 },
];

/** Given names (one or two characters). */
export const GIVEN_NAMES: readonly Pair[] = [
  ['伟', 'Wei'], ['芳', 'Fang'], ['娜', 'Na'], ['敏', 'Min'], ['静', 'Jing'], ['丽', 'Li'], ['强', 'Qiang'], ['磊', 'Lei'],
  ['军', 'Jun'], ['洋', 'Yang'], ['勇', 'Yong'], ['艳', 'Yan'], ['杰', 'Jie'], ['娟', 'Juan'], ['涛', 'Tao'], ['明', 'Ming'],
  ['超', 'Chao'], ['霞', 'Xia'], ['平', 'Ping'], ['刚', 'Gang'], ['建华', 'Jianhua'], ['志强', 'Zhiqiang'], ['海燕', 'Haiyan'], ['丽华', 'Lihua'],
  ['晓东', 'Xiaodong'], ['俊杰', 'Junjie'], ['文博', 'Wenbo'], ['晨阳', 'Chenyang'], ['子涵', 'Zihan'], ['浩然', 'Haoran'], ['雨萱', 'Yuxuan'], ['欣怡', 'Xinyi'],
  ['宇轩', 'Yuxuan'], ['思远', 'Siyuan'], ['嘉怡', 'Jiayi'], ['国庆', 'Guoqing'], ['建国', 'Jianguo'], ['红梅', 'Hongmei'], ['永刚', 'Yonggang'], ['春燕', 'Chunyan'],
  ['志伟', 'Zhiwei'], ['晓明', 'Xiaoming'], ['慧敏', 'Huimin'], ['立新', 'Lixin'], ['雪梅', 'Xuemei'], ['振华', 'Zhenhua'], ['佳琪', 'Jiaqi'], ['梓豪', 'Zihao'],
];

export const POSITIONS: readonly { name: Pair; weight: number }[] = [
  { name: ['采购经理', 'Purchasing Manager'], weight: 24 },
  { name: ['总经理', 'General Manager'], weight: 14 },
  { name: ['采购主管', 'Purchasing Supervisor'], weight: 12 },
  { name: ['副总经理', 'Deputy General Manager'], weight: 9 },
  { name: ['技术总监', 'Technical Director'], weight: 8 },
  { name: ['运营总监', 'Operations Director'], weight: 7 },
  { name: ['财务经理', 'Finance Manager'], weight: 7 },
  { name: ['项目经理', 'Project Manager'], weight: 7 },
  { name: ['行政主管', 'Office Manager'], weight: 6 },
  { name: ['董事长', 'Chairman'], weight: 3 },
  { name: ['供应链总监', 'Supply Chain Director'], weight: 3 },
];

/** What the (imagined) seller sells: one per order line. */
export const PRODUCTS: readonly { name: Pair; weight: number }[] = [
  { name: ['工业传感器', 'Industrial sensors'], weight: 18 },
  { name: ['数据采集网关', 'Data acquisition gateways'], weight: 12 },
  { name: ['控制系统软件许可', 'Control software licences'], weight: 10 },
  { name: ['年度维保服务', 'Annual maintenance'], weight: 10 },
  { name: ['备品备件', 'Spare parts'], weight: 16 },
  { name: ['定制开发', 'Custom development'], weight: 6 },
  { name: ['技术培训', 'Technical training'], weight: 5 },
  { name: ['云平台订阅', 'Cloud platform subscription'], weight: 9 },
  { name: ['安装调试服务', 'Installation and commissioning'], weight: 6 },
  { name: ['耗材', 'Consumables'], weight: 8 },
];

export const INTERACTION_TYPES: readonly { name: Pair; weight: number; notes: readonly Pair[] }[] = [
  {
    name: ['电话', 'Phone'],
    weight: 40,
    notes: [['例行回访', 'Routine follow-up'], ['确认交付进度', 'Delivery status check'], ['续约沟通', 'Renewal discussion'], ['催收货款', 'Payment reminder'], ['需求初步沟通', 'First needs call']],
  },
  {
    name: ['会议', 'Meeting'],
    weight: 15,
    notes: [['季度业务回顾', 'Quarterly business review'], ['年度合作洽谈', 'Annual agreement talks'], ['新品推介会', 'New-product briefing'], ['技术方案评审', 'Technical proposal review']],
  },
  {
    name: ['邮件', 'Email'],
    weight: 30,
    notes: [['发送报价单', 'Sent a quotation'], ['发送合同草案', 'Sent a draft contract'], ['发送产品资料', 'Sent product brochures'], ['节日问候', 'Holiday greetings']],
  },
  {
    name: ['服务', 'Service'],
    weight: 15,
    notes: [['上门安装调试', 'On-site installation'], ['故障排查', 'Troubleshooting'], ['产品培训', 'Product training'], ['投诉处理', 'Complaint handled']],
  },
];

/** The note of the call made when a customer stops ordering. */
export const WIN_BACK_NOTE: Pair = ['流失挽回：客户暂停采购', 'Win-back call: customer paused purchasing'];
